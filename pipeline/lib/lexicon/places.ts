/**
 * Gazetteer of place names for event locations: countries and capitals from
 * the country lexicon plus major cities and regions frequent in French
 * international news.
 */
import { findCountryMentionsIn, mentionsWithin } from './countries.ts';
import { SurfaceIndex } from './words.ts';

export interface PlaceMention {
  name: string;
  start: number;
  end: number;
  /** Country the place belongs to, when known. */
  code: string | null;
}

const MAJOR_PLACES: Record<string, string[]> = {
  RUS: ['Sotchi', 'Saint-Pétersbourg', 'Kaliningrad', 'Vladivostok', 'Novossibirsk', 'Iekaterinbourg', 'Kazan', 'Belgorod', 'Koursk', 'Rostov-sur-le-Don', 'Mourmansk', 'Sibérie', 'Tchétchénie', 'Grozny', 'Daghestan', 'Novo-Ogarevo'],
  UKR: ['Kharkiv', 'Kharkov', 'Odessa', 'Lviv', 'Marioupol', 'Donetsk', 'Louhansk', 'Lougansk', 'Kherson', 'Zaporijjia', 'Zaporijia', 'Dnipro', 'Bakhmout', 'Crimée', 'Donbass', 'Sébastopol', 'Boutcha', 'Kramatorsk', 'Mykolaïv', 'Tchernobyl'],
  BLR: ['Gomel', 'Brest', 'Grodno', 'Vitebsk', 'Moguilev', 'Mogilev'],
  CHE: ['Genève', 'Davos', 'Lausanne', 'Zurich'],
  USA: ['New York', 'Los Angeles', 'Chicago', 'Camp David', 'Floride', 'Californie', 'Texas'],
  DEU: ['Munich', 'Francfort', 'Hambourg', 'Ramstein'],
  FRA: ['Marseille', 'Lyon', 'Strasbourg', 'Versailles', 'Brégançon', 'Nice', 'Bordeaux', 'Toulouse', 'Lille'],
  BEL: ['Bruxelles', 'Anvers'],
  TUR: ['Istanbul', 'Antalya'],
  ISR: ['Jérusalem', 'Tel-Aviv', 'Tel Aviv'],
  PSE: ['Gaza', 'Cisjordanie', 'Ramallah'],
  SYR: ['Alep', 'Idleb', 'Homs'],
  IRQ: ['Mossoul', 'Erbil'],
  CHN: ['Shanghai', 'Hong Kong', 'Xinjiang', 'Tibet'],
  ARE: ['Dubaï'],
  KAZ: ['Almaty'],
  GEO: ['Abkhazie', 'Ossétie du Sud'],
  MDA: ['Transnistrie'],
  AZE: ['Haut-Karabakh'],
  ESP: ['Barcelone'],
  ITA: ['Milan', 'Naples'],
  GBR: ['Manchester', 'Édimbourg'],
  POL: ['Cracovie', 'Rzeszow', 'Rzeszów'],
};

const EXTRA = Object.entries(MAJOR_PLACES).flatMap(([code, names]) => names.map((name) => ({ name, code })));
const EXTRA_SURFACES = new SurfaceIndex(EXTRA.map((e) => e.name));
const CODE_OF_EXTRA = new Map(EXTRA.map((e) => [e.name, e.code]));

/** The major places found in the last document, for its sentences and clauses. */
let lastExtra: { text: string; places: PlaceMention[] } | null = null;

/** Named places (countries, capitals, major cities) in `text`, in text order. */
export function findPlaceMentions(text: string): PlaceMention[] {
  return findPlaceMentionsIn(text, 0, text.length);
}

/** Named places in `text[start, end)`, offsets relative to `start`; the whole text is scanned once per document. */
export function findPlaceMentionsIn(text: string, start: number, end: number): PlaceMention[] {
  if (lastExtra?.text !== text) {
    lastExtra = { text, places: EXTRA_SURFACES.matches(text).map((m) => ({ name: m.surface, start: m.index, end: m.index + m.surface.length, code: CODE_OF_EXTRA.get(m.surface) ?? null })) };
  }
  const places: PlaceMention[] = mentionsWithin(lastExtra.places, start, end).map((p) => ({ ...p, start: p.start - start, end: p.end - start }));
  for (const m of findCountryMentionsIn(text, start, end)) {
    if (m.via !== 'name' && m.via !== 'capital') continue;
    if (places.some((p) => p.start < m.end && m.start < p.end)) continue;
    places.push({ name: m.surface, start: m.start, end: m.end, code: m.code === 'EU' ? 'BEL' : m.code });
  }
  return places.sort((a, b) => a.start - b.start);
}
