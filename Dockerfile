# The build in a container: Node.js 20, the locked dependencies (npm ci), make as entry point.
#   docker build -t fr-news-open-data .
#   docker run --rm -v "$PWD/articles:/data/articles" -v "$PWD/out:/data/dist" fr-news-open-data SEEDS=/data/articles DIST=/data/dist
# k8s/ runs it as a Kubernetes Indexed Job (one shard per pod) and a merge Job.
FROM node:20-bookworm-slim
# make runs the stages; gzip decompresses JSON for scripts/score-dist.sh
RUN apt-get update \
  && apt-get install -y --no-install-recommends make gzip \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# the dependencies first, in a layer of their own, exactly as the lock says; node_modules/.installed
# is the Makefile's stamp of `npm ci`, so make does not install again
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund && touch node_modules/.installed
COPY . .
# a build in the image writes build/ and, by default, dist/ under /app: they belong to the node
# user, who runs it (uid 1000, which the pods' fsGroup gives the shared volume); the stamp is
# made again after COPY, which may give package.json a newer time
RUN touch node_modules/.installed && mkdir -p build dist && chown -R node:node build dist
USER node
# no progress bars in a log
ENV CI=true
ENTRYPOINT ["make"]
CMD ["all"]
