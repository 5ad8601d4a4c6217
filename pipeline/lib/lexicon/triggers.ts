/**
 * Event trigger lexicon for French news prose, by PLOVER top-level category.
 * Verbs are listed as infinitives and expanded to every conjugated form from the
 * Lefff tables; nouns are listed in the singular and pluralized here.
 */
import type { EventRecord } from '../types.generated.ts';
import { conjugate, type TenseCode } from './conjugation.ts';
import { LETTERS_AND_DIGITS, WordTable } from './words.ts';

export type EventType = EventRecord['type'];

export interface TriggerSpec {
  type: EventType;
  kind: 'verb' | 'noun';
  /** Infinitive (verbs) or singular forms (nouns). */
  lemma: string;
  /** Extra noun forms (irregular plurals, multiword variants). */
  forms?: string[];
  /** The verb is used with a reflexive pronoun (`se rendre`, `s'entretenir`). */
  pronominal?: boolean;
  /** Regex source that must directly follow and belongs to the trigger span. */
  complement?: string;
  /** Required / forbidden context right after the match (rest of the sentence). */
  after?: RegExp;
  notAfter?: RegExp;
  /** The trigger announces a future act whatever its tense (`est attendu lundi à Paris`). */
  announces?: boolean;
  /** The passive (`ont été arrêtés`) needs no `after` context: its object is the subject. */
  passiveOk?: boolean;
  /** Required / forbidden context right before the match. */
  before?: RegExp;
  notBefore?: RegExp;
}

export interface CompiledTrigger extends TriggerSpec {
  /** Sticky: tried only at the starts of the words that may begin a match (findTriggerMatches). */
  pattern: RegExp;
  /** Lower-cased first words of the trigger's forms: a match starts with one of them. */
  firstWords: ReadonlySet<string>;
  /** Tense codes of each verb surface form (empty for nouns). */
  tenses: Map<string, TenseCode[]>;
  /**
   * Folded forms that are one word of letters and digits, when the trigger has no complement:
   * at a word start, such a form matches exactly when the whole word is it, so no regex runs.
   */
  singleWordForms: ReadonlySet<string> | null;
  /** First words of the forms the regex must try (several words, hyphens, apostrophes). */
  phraseFirstWords: ReadonlySet<string>;
}

const W = String.raw`[\p{L}\p{N}'’-]+`;
/** Up to `n` intervening words. */
const gap = (n: number): string => String.raw`(?:\s+${W}){0,${n}}`;
/** `target` within `n` words after the match, possibly elided (`l'ambassadeur`). */
const within = (n: number, target: string, flags = 'u'): RegExp => new RegExp(String.raw`^${gap(n)}\s+(?:\p{L}+['’])?(?:${target})(?![\p{L}])`, flags);

const MISSILE_TEST = /^\s+(?:\S+\s+){0,5}(?:missiles?|roquettes?|engins?)(?:\s+\S+){0,4}\s+(?:en\s+mer|dans\s+la\s+mer|au\s+large|à\s+titre\s+d['’]essai)(?![\p{L}])/u;
const RETALIATION = within(3, String.raw`ripostes?|représailles|réponses?|vengeance|rétorsion|châtiments?|conséquences`);
const MILITARY_PEOPLE = String.raw`(?:des|les|ses|leurs|de|d['’])?\s*(?:\S+\s+)?(?:militaires|soldats|troupes|pilotes|officiers|forces|policiers|combattants|unités|spécialistes|instructeurs|recrues)`;
const AGREEMENT_NOUNS = String.raw`accords?|traités?|contrats?|pactes?|ententes?|conventions?|protocoles?|mémorandums?|partenariats?|alliances?|cessez-le-feu|trêves?|armistices?`;
const MATERIEL = String.raw`armes|armements|munitions|chars|missiles|obus|drones|avions|matériel|matériels|équipements|aide|vaccins?|doses|médicaments|gaz|pétrole|blé|céréales|carburant|fonds|milliards`;

/** `a reçu son homologue`, `a reçu Emmanuel Macron`, `a été reçu … par le président`. */
const RECEIVED_GUEST = /^\s+(?:\S+\s+){0,4}(?:homologue|président|présidente|premier ministre|chef|dirigeant|ministre|roi|reine|chancelier|émissaire|délégation|sommet)|^\s+(?:M\.\s+|Mme\s+)?\p{Lu}\p{L}+\s+\p{Lu}\p{L}+|^(?:\s+\S+){0,6}?\s+par\s+(?:(?:le|la|son|sa)(?![\p{L}])|M\.|Mme|\p{Lu})/u;

function v(type: EventType, lemma: string, extra: Partial<TriggerSpec> = {}): TriggerSpec {
  return { type, kind: 'verb', lemma, ...extra };
}
function pv(type: EventType, lemma: string, extra: Partial<TriggerSpec> = {}): TriggerSpec {
  return { type, kind: 'verb', lemma, pronominal: true, ...extra };
}
function n(type: EventType, lemma: string, extra: Partial<TriggerSpec> = {}): TriggerSpec {
  return { type, kind: 'noun', lemma, ...extra };
}

const DIPLOMATIC_PROTEST_BEFORE = /(?<![\p{L}])(?:adress\p{L}*|élev\p{L}*|dépos\p{L}*|émis\p{L}*|émett\p{L}*|formul\p{L}*|transmis\p{L}*|remis\p{L}*)\s+(?:une|des|sa|leur|ses|leurs)\s+(?:vives?\s+|vigoureuses?\s+|ferme\s+|formelles?\s+|officielles?\s+)?$/u;
const DIPLOMATIC_PROTEST_AFTER = /^\s+(?:officielles?|diplomatiques?|formelles?|(?:\S+\s+){0,5}(?:par\s+les\s+canaux\s+diplomatiques|auprès\s+de\s+l['’]ambassad))/u;

/** Adjectives after `soutien`/`appui` that make it material aid rather than backing. */
const MATERIAL_SUPPORT = /^\s+(?:\S+\s+)?(?:financier|financière|militaire|politico-militaire|économique|matériel|logistique|humanitaire)/u;

export const TRIGGER_SPECS: TriggerSpec[] = [
  // CONSULT: meetings, visits, calls, talks, negotiations.
  v('CONSULT', 'rencontrer', { notAfter: /^\s+(?:des|de|un|une)\s+(?:difficultés|problèmes|succès|obstacles)/u }),
  pv('CONSULT', 'entretenir', { notAfter: /^\s+(?:des|de|les|une|un|l['’])\s/u }),
  pv('CONSULT', 'rendre', { after: /^(?:\s+[\p{L}\p{N}'’-]+){0,4}\s+(?:à|en|au|aux|chez|dans)(?![\p{L}])/u, notAfter: /^\s+(?:compte|hommage|coupable|responsable|service)/u }),
  pv('CONSULT', 'réunir'),
  pv('CONSULT', 'retrouver', { after: /^\s+(?:\S+\s+)?(?:à|au|aux|sur|pour|avec|en)\s/u }),
  pv('CONSULT', 'parler', { after: /^\s+(?:avec|au téléphone|par téléphone)/u }),
  v('CONSULT', 'visiter'),
  v('CONSULT', 'attendre', { announces: true, before: /(?<![\p{L}])(?:est|sont|sera|seront|était|étaient)\s+(?:[\p{L}]+\s+)?$/u, after: /^(?:\s+[\p{L}\p{N}'’-]+){0,4}\s+(?:à|au|aux|en)\s+\p{Lu}/u }),
  v('CONSULT', 'recevoir', { after: RECEIVED_GUEST, passiveOk: true }),
  v('CONSULT', 'accueillir', { after: RECEIVED_GUEST }),
  v('CONSULT', 'appeler', { after: /^\s+(?:son|sa|leur|ses)\s+homologues?|^\s+(?:le|la)\s+(?:président|présidente|premier ministre|première ministre|chancelier|chancelière|chef)/u, notAfter: /^(?:\s+[\p{L}'’-]+){0,5}\s+(?:à|au|aux)\s/u }),
  v('CONSULT', 'négocier'),
  v('CONSULT', 'discuter', { notAfter: /^\s+(?:de\s+)?(?:sexe|football)/u }),
  v('CONSULT', 'dialoguer'),
  v('CONSULT', 'échanger', { after: /^\s+(?:par\s+téléphone|au\s+téléphone|par\s+visioconférence|avec\s+(?:son|sa|leur|le|la|les|M\.|Mme|\p{Lu}))/u }),
  v('CONSULT', 'téléphoner'),
  v('CONSULT', 'rendre', { complement: String.raw`\s+visite` }),
  v('CONSULT', 'tenir', { complement: String.raw`\s+(?:des\s+|de\s+)?(?:pourparlers|discussions|consultations|négociations|entretiens?|une\s+réunion|un\s+sommet)` }),
  n('CONSULT', 'rencontre', { notBefore: /(?:à la|aller à la|à sa|à leur)\s+$/u }),
  n('CONSULT', 'réunion', { notAfter: /^\s+(?:gouvernementale|du\s+gouvernement|de\s+(?:travail|cabinet|famille|crise\s+interne)|interne|publique|électorale)/u }),
  n('CONSULT', 'visite'),
  n('CONSULT', 'entretien', { notAfter: /^\s+(?:d['’]embauche|des?\s+(?:routes|locaux|bâtiments)|(?:accordé|donné|publié)e?s?\s|(?:au|à|avec|dans)\s+(?:la\s+|le\s+|l['’]|une\s+|un\s+)?(?:journal|quotidien|hebdomadaire|magazine|chaîne|radio|télévision|presse|\p{Lu}))/u }),
  n('CONSULT', 'entrevue'),
  n('CONSULT', 'médiation'),
  n('CONSULT', 'conférence', { after: /^\s+(?:internationale|ministérielle|de\s+(?:paix|la\s+paix|soutien|reconstruction|Munich|Genève)|sur\s+(?:la|le|l['’])|des\s+(?:donateurs|Nations\s+unies|parties))/u }),
  n('CONSULT', 'sommet', { notAfter: /^\s+(?:de\s+l['’]État|de\s+la\s+(?:hiérarchie|pyramide|gloire|montagne)|de\s+sa\s+carrière|de\s+son\s+art)/u }),
  n('CONSULT', 'pourparlers', { forms: ['pourparlers'] }),
  n('CONSULT', 'négociation'),
  n('CONSULT', 'discussions', { forms: ['discussions'] }),
  n('CONSULT', 'consultations', { forms: ['consultations'] }),
  n('CONSULT', 'tête-à-tête', { forms: ['tête-à-tête'] }),
  n('CONSULT', 'visioconférence'),
  n('CONSULT', 'appel en visioconférence', { forms: ['appel en visioconférence', 'appels en visioconférence', 'appel vidéo', 'appel téléphonique', 'appels téléphoniques', 'échange téléphonique', 'échanges téléphoniques', 'entretien téléphonique', 'entretiens téléphoniques', 'conversation téléphonique', 'conversations téléphoniques', 'coup de téléphone', 'coup de fil'] }),
  n('CONSULT', 'appel', { after: /^\s+(?:avec|entre)\s/u }),
  n('CONSULT', 'conférence de presse', { forms: ['conférence de presse', 'conférences de presse'], after: /^\s+(?:commune|conjointe|avec|entre)/u }),
  n('CONSULT', 'tournée', { after: /^\s+(?:\S+\s+){0,2}(?:en|au|aux|dans)\s/u }),
  n('CONSULT', 'déplacement', { after: /^\s+(?:\S+\s+){0,2}(?:à|en|au|aux)\s/u }),
  n('CONSULT', 'voyage officiel', { forms: ['voyage officiel', 'voyages officiels'] }),

  // SUPPORT: signing, ratifying, declared backing and endorsement.
  v('SUPPORT', 'signer', { notAfter: /^\s+(?:la\s+fin|l['’]arrêt\s+de\s+mort)/u }),
  v('SUPPORT', 'ratifier'),
  v('SUPPORT', 'parapher'),
  v('SUPPORT', 'finaliser'),
  v('SUPPORT', 'conclure', { after: within(4, AGREEMENT_NOUNS) }),
  /** `l'accord, conclu fin 2020, …`: the participle after the agreement it concludes. */
  v('SUPPORT', 'conclure', { before: new RegExp(String.raw`(?<![\p{L}])(?:${AGREEMENT_NOUNS})(?:\s+[\p{L}'’-]+){0,6}\s*,?\s*$`, 'u') }),
  v('SUPPORT', 'soutenir', { notAfter: /^\s+(?:que|qu['’])/u }),
  v('SUPPORT', 'appuyer', { notAfter: /^\s+sur\s/u }),
  v('SUPPORT', 'approuver'),
  v('SUPPORT', 'endosser'),
  v('SUPPORT', 'remercier'),
  v('SUPPORT', 'saluer', { notAfter: /^\s+(?:la\s+mémoire|la\s+foule)/u }),
  v('SUPPORT', 'féliciter'),
  v('SUPPORT', 'souligner', { after: within(3, String.raw`coopération|partenariat|amitié|alliance|relations|liens|solidarité|unité|fraternité`) }),
  v('SUPPORT', 'réaffirmer', { after: within(2, String.raw`soutien|appui|attachement|solidarité|amitié|alliance`) }),
  pv('SUPPORT', 'rapprocher'),
  v('SUPPORT', 'reconnaître', { notAfter: /^\s+(?:que|qu['’]|avoir|être|ne\s|n['’])|^\s+(?:\S+\s+)?(?:pertes|erreurs?|défaites?|responsabilités?|torts?|faits|difficultés|échecs?|culpabilité)(?![\p{L}])/u }),
  v('SUPPORT', 'offrir', { notAfter: /^\s+(?:de|d['’])\s*\p{L}+(?:er|ir|re)\b/u }),
  n('SUPPORT', 'signature', { notAfter: /^\s+(?:électronique|de\s+l['’]artiste)/u }),
  n('SUPPORT', 'ratification'),
  n('SUPPORT', 'soutien', { notAfter: MATERIAL_SUPPORT, notBefore: /(?:en|de)\s+$/u }),
  n('SUPPORT', 'appui', { notAfter: MATERIAL_SUPPORT, notBefore: /(?:à\s+l['’]|en)\s*$/u }),
  n('SUPPORT', 'bénédiction'),
  n('SUPPORT', 'feu vert', { forms: ['feu vert'] }),
  n('SUPPORT', 'approbation'),

  // AGREE: agreeing, promising, offering, committing to act.
  pv('AGREE', 'entendre', { after: /^\s+(?:\S+\s+)?(?:pour|sur|afin)\s/u }),
  v('AGREE', 'convenir', { after: /^\s+(?:de|d['’]|d['’]un|d['’]une)/u }),
  v('AGREE', 'promettre', { notAfter: RETALIATION }),
  pv('AGREE', 'engager', { after: /^\s+(?:\S+\s+){0,2}(?:à|aux?\s+côtés)/u }),
  v('AGREE', 'proposer'),
  v('AGREE', 'accepter'),
  v('AGREE', 'prôner'),
  v('AGREE', 'annoncer', { complement: String.raw`\s+(?:la\s+création|la\s+mise\s+en\s+place|le\s+lancement|un\s+accord|l['’]accord|une\s+entente|la\s+conclusion)` }),
  v('AGREE', 'trouver', { complement: String.raw`\s+(?:un|l['’])\s*accord` }),
  v('AGREE', 'parvenir', { complement: String.raw`\s+à\s+(?:un|l['’])\s*(?:accord|compromis|entente)` }),
  pv('AGREE', 'mettre', { complement: String.raw`\s+d['’]accord` }),
  n('AGREE', 'promesse'),
  n('AGREE', 'offre', { after: /^\s+(?:de|d['’])\s/u }),
  n('AGREE', 'proposition', { after: /^\s+(?:de|d['’])\s/u }),
  n('AGREE', 'accord de principe', { forms: ['accord de principe'] }),
  n('AGREE', 'prêt à', { forms: ['prêt à', 'prête à', 'prêts à', 'prêtes à'], notAfter: /^\s+(?:être|l['’]emploi|porter)/u }),

  // COOPERATE: joint military or economic work, training, joint production.
  v('COOPERATE', 'coopérer'),
  v('COOPERATE', 'collaborer'),
  v('COOPERATE', 'former', { after: new RegExp(String.raw`^\s+${MILITARY_PEOPLE}`, 'u') }),
  v('COOPERATE', 'entraîner', { after: new RegExp(String.raw`^\s+${MILITARY_PEOPLE}`, 'u') }),
  v('COOPERATE', 'servir', { complement: String.raw`\s+de\s+(?:base\s+arrière|plateforme|base\s+de\s+repli)` }),
  n('COOPERATE', 'coopération', { notBefore: /(?:de|d['’]|des|sur\s+la|renforcer\s+(?:la|leur)|approfondir\s+(?:la|leur)|développer\s+(?:la|leur))\s*$/u }),
  n('COOPERATE', 'collaboration', { notBefore: /(?:de|d['’])\s*$/u }),
  n('COOPERATE', 'fabrication commune', { forms: ['fabrication commune', 'production commune', 'production conjointe', 'fabrication conjointe', 'mesures communes', 'livraisons mutuelles', 'patrouilles communes', 'patrouilles conjointes', 'développement conjoint', 'projets communs', 'opérations conjointes', 'entraînement conjoint', 'formation des militaires', 'formation de militaires', 'formation des soldats', 'formation de soldats'] }),

  // AID: loans, deliveries, vaccines and other material help actually provided.
  v('AID', 'livrer', { notAfter: /^\s+(?:bataille|combat|une\s+bataille|un\s+combat|ses\s+secrets)/u }),
  v('AID', 'fournir', { notAfter: /^\s+(?:des\s+)?(?:explications|efforts|preuves|détails|précisions)/u }),
  v('AID', 'aider', { notAfter: /^\s+(?:à|a)\s/u }),
  v('AID', 'financer'),
  v('AID', 'recevoir', { after: new RegExp(String.raw`^(?:\s+[\p{L}\p{N}'’-]+){0,3}\s+(?:${MATERIEL}|prêts?|crédits?|livraisons?)(?![\p{L}])`, 'u') }),
  v('AID', 'approvisionner'),
  v('AID', 'envoyer', { after: new RegExp(String.raw`^\s+(?:\S+\s+){0,3}(?:${MATERIEL})`, 'u') }),
  n('AID', 'livraison'),
  n('AID', 'envoi', { after: new RegExp(String.raw`^\s+(?:de|d['’]|du|des)\s*(?:\S+\s+){0,2}(?:${MATERIEL}|médicaments|nourriture|vivres|tentes|générateurs)(?![\p{L}])`, 'u') }),
  n('AID', 'enveloppe', { after: /^\s+(?:\S+\s+)?(?:de|d['’])\s*(?:\S+\s+){0,2}(?:millions?|milliards?)(?![\p{L}])/u }),
  v('AID', 'débloquer', { after: within(4, String.raw`enveloppe|fonds|aide|millions?|milliards?|tranche|prêt|crédit|financement`) }),
  v('AID', 'verser', { after: within(4, String.raw`enveloppe|fonds|aide|millions?|milliards?|tranche|prêt|crédit|financement`) }),
  v('AID', 'octroyer'),
  v('AID', 'accorder', { after: within(4, String.raw`prêts?|crédits?|aide|enveloppe|fonds|millions?|milliards?|dons?|financements?`) }),
  n('AID', 'fourniture'),
  n('AID', 'aide', { notBefore: /(?:à\s+l['’]|à\s+l['’]aide\s+d['’])\s*$/u, notAfter: /^\s*-|^\s+(?:de\s+camp|soignante|ménagère)/u }),
  n('AID', 'venir en aide', { forms: ['venir en aide', 'vient en aide', 'viennent en aide', 'est venu en aide', 'sont venus en aide'] }),
  n('AID', 'assistance', { notAfter: /^\s+(?:technique\s+vidéo)/u }),
  n('AID', 'crédit', { notBefore: /(?:de|d['’])\s*$/u, notAfter: /^\s+(?:d['’]impôt|à\s+la\s+consommation)/u }),
  n('AID', 'prêt', { before: /(?:un|le|ce|nouveau|des|les|ces|d['’]un|du)\s+$/u, notAfter: /^\s+à\s/u }),
  n('AID', 'financement', { notBefore: /(?:loi|lois|projet|plan|mode|modes|besoins?|sources?|modalités|règles|système|problèmes?|mécanisme)\s+de\s+$/u }),
  n('AID', 'don', { after: /^\s+(?:de|d['’])\s/u }),
  n('AID', 'soutien financier', { forms: ['soutien financier', 'soutien militaire', 'soutien économique', 'soutien matériel', 'soutien logistique', 'soutiens financiers', 'appui financier', 'appui militaire', 'appui économique', 'appui logistique', 'appui politico-militaire', 'soutien politico-militaire', 'aide humanitaire', 'aide militaire', 'aide financière', 'aide économique'] }),
  n('AID', 'transfert d\'armes', { forms: ["transfert d'armes", 'transfert d’armes', "transferts d'armes", 'transferts d’armes'] }),

  // SANCTION: sanctions, embargoes, cut ties.
  v('SANCTION', 'sanctionner'),
  v('SANCTION', 'infliger', { after: within(2, 'sanctions?|amendes?|embargo') }),
  v('SANCTION', 'imposer', { after: within(3, String.raw`sanctions?|embargo|restrictions|droits\s+de\s+douane|surtaxes?|taxes\s+douanières|tarifs\s+douaniers`) }),
  n('SANCTION', 'imposition', { after: /^\s+(?:de|d['’]|des)\s*(?:nouvelles\s+|nouveaux\s+)?(?:sanctions|droits\s+de\s+douane|surtaxes?|taxes|tarifs|restrictions|embargo)/u }),
  v('SANCTION', 'couper', { complement: String.raw`\s+(?:les|des|ses|leurs|tous\s+les)\s+(?:liens|ponts|relations)` }),
  v('SANCTION', 'rompre', { complement: String.raw`\s+(?:les|des|ses|leurs|tous\s+les)\s+(?:liens|ponts|relations)` }),
  v('SANCTION', 'geler', { after: within(3, 'avoirs|actifs|comptes|fonds|coopération|relations') }),
  v('SANCTION', 'suspendre', { after: within(3, 'coopération|relations|participation|aide|accords?|livraisons|exportations|importations') }),
  v('SANCTION', 'boycotter'),
  v('SANCTION', 'fermer', { after: within(2, String.raw`frontières?|ambassades?|consulats?|espace\s+aérien|ports?|postes?-frontières?`) }),
  n('SANCTION', 'suspension', { after: /^\s+(?:(?:de\s+(?:sa|leur|la|l['’])|du|des|d['’])\s*)(?:participation|coopération|aide|livraisons?|relations|accords?|traités?|exportations?|importations?|vols)/u }),
  v('SANCTION', 'rappeler', { complement: String.raw`\s+(?:son|leur|ses|leurs)\s+ambassadeurs?` }),
  n('SANCTION', 'sanction', { notAfter: /^\s+(?:disciplinaire|sportive|pénale)/u }),
  n('SANCTION', 'embargo'),
  n('SANCTION', 'boycott'),
  n('SANCTION', 'gel des avoirs', { forms: ['gel des avoirs', 'mesures restrictives', 'liste noire', 'rupture des relations', 'rupture des liens', 'mesures de rétorsion', 'représailles économiques'] }),

  // PROTEST: demonstrations.
  v('PROTEST', 'manifester', { notAfter: /^\s+(?:son|sa|ses|leur|leurs|un|une|de|d['’]|l['’]|le|la|les)\s/u }),
  v('PROTEST', 'protester'),
  v('PROTEST', 'bloquer', { after: within(3, String.raw`routes?|axes|autoroutes?|ronds-points|accès|raffineries|dépôts|ports?|périphérique|carrefours?`) }),
  /** `se sont rassemblés devant l'ambassade`, `pour dénoncer`: a gathering of protest, not of leaders. */
  pv('PROTEST', 'rassembler', { after: /^(?:\s+[\p{L}\p{N}'’-]+){0,6}\s+(?:devant|contre|pour\s+(?:dénoncer|protester|réclamer|exiger|demander|soutenir|défendre|rendre\s+hommage)|en\s+soutien|en\s+solidarité)(?![\p{L}])/u }),
  v('PROTEST', 'défiler', { after: /^(?:\s+[\p{L}\p{N}'’-]+){0,6}\s+(?:contre|pour|dans\s+les\s+rues|en\s+soutien)(?![\p{L}])/u }),
  n('PROTEST', 'manifestation', { notAfter: /^\s+(?:sportive|culturelle|de\s+(?:soutien|sympathie|bonne\s+volonté|l['’]intérêt))/u }),
  n('PROTEST', 'manifestant'),
  /** A protest lodged through diplomatic channels is an accusation, not a demonstration. */
  n('PROTEST', 'protestation', { notBefore: DIPLOMATIC_PROTEST_BEFORE, notAfter: DIPLOMATIC_PROTEST_AFTER }),
  n('ACCUSE', 'protestation', { forms: ['protestation', 'protestations', 'note de protestation', 'notes de protestation'], after: DIPLOMATIC_PROTEST_AFTER }),
  n('ACCUSE', 'protestation', { forms: ['protestation', 'protestations', 'note de protestation', 'notes de protestation'], before: DIPLOMATIC_PROTEST_BEFORE }),
  n('PROTEST', 'mouvement de contestation', { forms: ['mouvement de contestation', 'mouvements de contestation', 'mouvement contestataire', 'mouvements contestataires', 'mouvement de protestation', 'contestation'] }),
  n('PROTEST', 'grève', { notAfter: /^\s+de\s+la\s+faim/u }),
  n('PROTEST', 'rassemblement', { notAfter: /^\s+(?:national|des\s+fonds|de\s+(?:fonds|données|preuves))/iu }),
  n('PROTEST', 'émeute'),
  n('PROTEST', 'soulèvement'),
  n('PROTEST', 'révolte'),
  n('PROTEST', 'sit-in', { forms: ['sit-in'] }),
  n('PROTEST', 'marche', { after: /^\s+(?:blanche|silencieuse|pour\s|contre\s|de\s+(?:protestation|soutien|la\s+colère|solidarité))/u }),
  n('PROTEST', 'descendre dans la rue', { forms: ['descendre dans la rue', 'descendus dans la rue', 'descendues dans la rue', 'descendent dans la rue', 'est descendu dans la rue', 'sont descendus dans la rue'] }),

  // COERCE: repression, arrests, detention, expulsions.
  v('COERCE', 'réprimer'),
  v('COERCE', 'arrêter', { passiveOk: true, after: /^\s+(?:\S+\s+){0,2}(?:opposants?|manifestants?|militants?|journalistes?|personnes|dizaines|centaines|milliers|dissidents?|membres|leaders?|chefs?|responsables?)|^\s+(?:à|au|en|dans|pour|lors|par|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b/u, notAfter: /^\s+(?:de|d['’])\s/u }),
  v('COERCE', 'interpeller', { notAfter: /^\s+(?:le\s+gouvernement|les\s+autorités|l['’]opinion)/u }),
  v('COERCE', 'emprisonner'),
  v('COERCE', 'incarcérer'),
  v('COERCE', 'expulser'),
  v('COERCE', 'contraindre', { after: within(6, String.raw`départ|exil|quitter|démission`) }),
  v('COERCE', 'condamner', { after: /^\s+(?:\S+\s+){0,3}à\s+(?:\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|la\s+prison|mort|la\s+réclusion|une\s+peine)/u }),
  v('COERCE', 'placer', { complement: String.raw`\s+(?:en\s+détention|derrière\s+les\s+barreaux|en\s+garde\s+à\s+vue|en\s+résidence\s+surveillée|sous\s+les\s+verrous)` }),
  v('COERCE', 'mettre', { complement: String.raw`\s+(?:en\s+détention|derrière\s+les\s+barreaux|sous\s+les\s+verrous|en\s+prison)` }),
  v('COERCE', 'censurer', { notBefore: /motions?\s+de\s+$/iu }),
  n('COERCE', 'répression'),
  n('COERCE', 'arrestation'),
  n('COERCE', 'interpellation'),
  n('COERCE', 'détention', { notAfter: /^\s+d['’](?:armes|actions)/u }),
  n('COERCE', 'emprisonnement'),
  n('COERCE', 'incarcération'),
  n('COERCE', 'expulsion'),
  n('COERCE', 'persona non grata', { forms: ['persona non grata'] }),
  n('COERCE', "mandat d'arrêt", { forms: ["mandat d'arrêt", 'mandat d’arrêt', "mandats d'arrêt", 'mandats d’arrêt'] }),
  n('COERCE', 'garde à vue', { forms: ['garde à vue', 'résidence surveillée', 'derrière les barreaux'] }),

  // ASSAULT: armed attacks, strikes, shelling.
  v('ASSAULT', 'attaquer', { notAfter: /^\s+(?:en\s+justice|au\s+tribunal)/u }),
  v('ASSAULT', 'bombarder'),
  v('ASSAULT', 'pilonner'),
  v('ASSAULT', 'envahir'),
  v('ASSAULT', 'lancer', {
    after: within(10, String.raw`missiles?|roquettes?|drones|obus|offensives?|attaques?|frappes?|assauts?|raids?|bombardements?|contre-offensives?|opérations?\s+militaires?|incursions?`),
    notAfter: /^(?:\s+\S+){0,3}\s+(?:appel|programme|projet|campagne|production|fabrication|enquête|satellite|fusée|chantier|plan|avertissement|mise\s+en\s+garde)/u,
  }),
  v('ASSAULT', 'frapper', {
    after: /^\s+(?:\S+\s+){0,4}(?:villes?|régions?|positions?|cibles?|infrastructures?|installations?|sites?|bases?|quartiers?|dépôts?|centrales?|immeubles?|hôpitaux|hôpital|camps?|convois?)(?![\p{L}])|^\s+par\s+(?:des|une|un|plusieurs)\s+(?:\S+\s+)?(?:frappes?|missiles?|drones|roquettes?|raids?|bombardements?|obus)/u,
  }),
  v('ASSAULT', 'abattre', { passiveOk: true, after: within(3, String.raw`avions?|hélicoptères?|appareils?|chasseurs?|bombardiers?`) }),
  v('ASSAULT', 'tirer', { after: /^\s+(?:\S+\s+){0,4}(?:missiles?|roquettes?|obus|drones|sur\s)/u, notAfter: MISSILE_TEST }),
  /** A missile fired into the sea, with no target, is a show of force. */
  v('MOBILIZE', 'tirer', { after: MISSILE_TEST }),
  n('MOBILIZE', 'essai de missile', { forms: ['essai de missile', 'essais de missiles', 'essai balistique', 'essais balistiques', 'essai nucléaire', 'essais nucléaires', "tir d'essai", 'tir d’essai', "tirs d'essai", 'tirs d’essai'] }),
  n('ASSAULT', 'attaque', { notAfter: /^\s+(?:cardiaque|verbale|informatique)/u }),
  n('ASSAULT', 'attaque de drones', { forms: ['attaque de drones', 'attaques de drones', 'assaut de drones', 'assauts de drones', 'frappe de drones', 'frappes de drones', 'attaque au drone', 'frappe aérienne', 'frappes aériennes'] }),
  n('ASSAULT', 'frappe', { notBefore: /(?:force|forces)\s+de\s+$/iu }),
  n('ASSAULT', 'bombardement'),
  n('ASSAULT', 'offensive', { notBefore: /(?:armes?|capacités?|missiles?|systèmes?|guerre|posture|stratégie)\s+$/iu, notAfter: /^\s+(?:diplomatique|de\s+charme|commerciale|médiatique)/u }),
  n('ASSAULT', 'assaut'),
  n('ASSAULT', 'pilonnage'),
  n('ASSAULT', 'invasion'),
  n('ASSAULT', 'incursion'),
  n('ASSAULT', 'affrontements', { forms: ['affrontements', 'affrontement armé', 'affrontements armés', 'accrochages'], notAfter: /^\s+(?:verbaux|politiques|électoraux|idéologiques)/u }),
  n('ASSAULT', 'opération militaire', { forms: ['opération militaire', 'opérations militaires', 'offensive terrestre', 'offensive aérienne'] }),
  n('ASSAULT', 'raid'),
  n('ASSAULT', 'attentat'),
  n('ASSAULT', 'combats', { forms: ['combats'] }),
  n('ASSAULT', 'tirs', { forms: ['tirs', "tir d'artillerie", 'tirs d’artillerie', "tirs d'artillerie"] }),

  // MOBILIZE: deployments, exercises, inspections of forces.
  v('MOBILIZE', 'déployer'),
  v('MOBILIZE', 'mobiliser', { notAfter: /^\s+(?:\S+\s+)?(?:contre|pour\s+(?:la|le)\s+(?:défense|climat))/u }),
  v('MOBILIZE', 'masser', { after: within(2, 'troupes|soldats|forces|militaires|blindés|chars') }),
  v('MOBILIZE', 'envoyer', { after: within(3, 'troupes|soldats|forces|militaires|renforts|policiers|gendarmes') }),
  v('MOBILIZE', 'constituer', { after: within(2, String.raw`réserve|“réserve”|«\s*réserve\s*»|"réserve"|force|contingent`) }),
  n('MOBILIZE', 'déploiement'),
  n('MOBILIZE', 'envoi', { after: new RegExp(String.raw`^\s+(?:de|d['’])\s*(?:\S+\s+){0,2}(?:troupes|soldats|militaires|forces|renforts|policiers|gendarmes|casques\s+bleus|instructeurs|navires|porte-avions|chasseurs)(?![\p{L}])`, 'u') }),
  n('MOBILIZE', 'exercice', { after: /^\s+(?:\S+\s+)?(?:militaires?|conjoints?|navals?|aériens?|nucléaires?|stratégiques?|d['’]entraînement|de\s+combat|tactiques?|annuels?|à\s+balles\s+réelles|de\s+grande\s+ampleur|d['’]envergure)/u }),
  n('MOBILIZE', 'manœuvres', { forms: ['manœuvres', 'manoeuvres', 'manœuvres militaires', 'manoeuvres militaires'] }),
  n('MOBILIZE', 'inspection', { notAfter: /^\s+(?:du\s+travail|sanitaire|des\s+impôts)/u }),
  n('MOBILIZE', 'mobilisation', { notAfter: /^\s+(?:citoyenne|des\s+électeurs|contre)/u }),
  n('MOBILIZE', 'renforts', { forms: ['renforts'] }),
  n('MOBILIZE', 'mise en alerte', { forms: ['mise en alerte', "état d'alerte", 'état d’alerte'] }),

  // ACCUSE: accusations, denunciation, criticism.
  v('ACCUSE', 'accuser'),
  v('ACCUSE', 'reprocher'),
  v('ACCUSE', 'convoquer', { after: within(3, String.raw`ambassadeur|ambassadrice|chargée?\s+d['’]affaires|diplomates?`) }),
  v('ACCUSE', 'dénoncer'),
  v('ACCUSE', 'critiquer'),
  v('ACCUSE', 'fustiger'),
  v('ACCUSE', 'déplorer'),
  /** `a qualifié ces frappes de « violation flagrante »`: a condemnation. */
  v('ACCUSE', 'qualifier', { after: /^(?:\s+\S+){0,6}?\s+(?:«\s*|"|“)?(?:violation|crimes?|agression|provocation|acte\s+de\s+guerre|terroris\p{L}*|illégal\p{L}*|inacceptable|illégitime|génocide|barbar\p{L}*)(?![\p{L}])/u }),
  v('ACCUSE', 'blâmer'),
  v('ACCUSE', 'incriminer'),
  v('ACCUSE', 'condamner', { notAfter: /^\s+(?:\S+\s+){0,3}à\s+(?:\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|la\s+prison|mort|la\s+réclusion|une\s+peine)/u }),
  v('ACCUSE', 'mettre', { complement: String.raw`\s+en\s+cause` }),
  n('ACCUSE', 'accusation'),
  n('ACCUSE', 'condamnation', { notAfter: /^\s+à\s/u }),

  // REQUEST: appeals, demands.
  v('REQUEST', 'appeler', { after: /^(?:\s+[\p{L}'’-]+){0,5}\s+(?:à|au|aux)\s/u }),
  v('REQUEST', 'demander', { notBefore: /(?:se|s['’]|me|m['’]|nous|vous)\s*(?:\S+\s+)?$/u }),
  v('REQUEST', 'exiger'),
  v('REQUEST', 'réclamer'),
  v('REQUEST', 'plaider', { after: /^\s+(?:\S+\s+){0,2}(?:pour|en\s+faveur)/u }),
  v('REQUEST', 'exhorter'),
  v('REQUEST', 'saisir', { after: /^\s+(?:\S+\s+){0,2}(?:Conseil\s+de\s+sécurité|Cour|justice|tribunal|ONU|Nations\s+unies|CPI|CIJ|OMC)/u }),
  v('REQUEST', 'presser', { after: /^\s+(?:\S+\s+){0,4}(?:de|d['’])\s*\p{L}+(?:er|ir|re)(?![\p{L}])/u }),
  v('REQUEST', 'implorer'),
  v('REQUEST', 'solliciter'),
  v('REQUEST', 'enjoindre'),
  n('REQUEST', 'appel à', { notBefore: /(?:fai\p{L}*|fera\p{L}*|fasse\p{L}*)\s+(?:\S+\s+)?$/iu, forms: ['appel à', 'appels à', 'appel au', 'appels au', 'appel aux', 'appels aux'] }),
  n('REQUEST', 'exigence'),
  n('REQUEST', 'demande', { notBefore: /(?:à\s+la|sur|forte|faible|offre\s+et\s+la|hausse\s+de\s+la|baisse\s+de\s+la|la\s+forte)\s+$/iu, after: /^\s+(?:de|d['’]|du|des)\s/u, notAfter: /^\s+(?:de|d['’]|du|des)\s*(?:gaz|pétrole|énergie|électricité|biens|logements?|produits|crédit|asile|visa|emploi|brevet|naturalisation)/iu }),

  // REJECT: refusals, rejections, denials.
  v('REJECT', 'rejeter'),
  v('REJECT', 'refuser'),
  v('REJECT', 'récuser'),
  v('REJECT', 'démentir'),
  v('REJECT', 'bloquer', { after: within(4, String.raw`enveloppe|aide|accord|adoption|décision|résolution|texte|proposition|paquet|sanctions|adhésion|candidature|nomination|projet|versement|fonds|prêt|budget|déclaration|élargissement`) }),
  v('REJECT', 'opposer', { complement: String.raw`\s+(?:son|leur|un)\s+veto` }),
  pv('REJECT', 'opposer', { after: /^\s+(?:\S+\s+)?(?:à|au|aux)\s/u }),
  v('REJECT', 'balayer', { after: within(2, 'accusations|critiques|idée|proposition|demande|hypothèse|arguments') }),
  n('REJECT', 'refus'),
  n('REJECT', 'rejet'),
  n('REJECT', 'démenti'),
  n('REJECT', 'veto', { forms: ['veto', 'véto'] }),

  // THREATEN: threats and ultimatums.
  v('THREATEN', 'menacer'),
  n('THREATEN', 'menaces', { forms: ['menaces'] }),
  n('THREATEN', 'ultimatum'),
  /** `a promis une riposte`, `a averti que son armée frapperait`: a promise of harm is a threat. */
  v('THREATEN', 'promettre', { after: RETALIATION }),
  v('THREATEN', 'avertir', { after: /^\s+(?:\S+\s+){0,4}?(?:que|qu['’]|de\s+(?:représailles|conséquences|sanctions|riposte))(?![\p{L}])/u }),

  // CONCEDE: concessions, releases, lifting of sanctions, resignations.
  v('CONCEDE', 'céder', { notAfter: /^\s+(?:la\s+place|sa\s+place|le\s+pas)/u }),
  v('CONCEDE', 'libérer', { passiveOk: true, after: /^\s+(?:\S+\s+){0,3}(?:prisonniers?|otages?|détenus?|opposants?|militants?|journalistes?|ressortissants?|captifs?|soldats|civils)|^\s+(?:M\.\s+|Mme\s+)?\p{Lu}\p{L}+\s+\p{Lu}/u }),
  v('CONCEDE', 'lever', { complement: String.raw`\s+(?:les|des|certaines)\s+(?:sanctions|restrictions)` }),
  v('CONCEDE', 'démissionner'),
  v('CONCEDE', 'capituler'),
  v('CONCEDE', 'gracier'),
  v('CONCEDE', 'amnistier'),
  n('CONCEDE', 'amnistie'),
  n('CONCEDE', 'échange de prisonniers', { forms: ['échange de prisonniers', 'échanges de prisonniers', 'échange de détenus', 'échanges de détenus', "échange d'otages", 'échange d’otages', "libération d'otages", 'libération d’otages'] }),
  /** Only a resignation given (`a présenté sa démission`), not one demanded (`plaide pour sa démission`). */
  n('CONCEDE', 'démission', { before: /(?<![\p{L}])(?:présent\p{L}*|remis\p{L}*|remet\p{L}*|donn\p{L}*|annonc\p{L}*|accept\p{L}*)\s+(?:[\p{L}'’-]+\s+){0,4}?(?:sa|leur|la)\s+$/u }),
  n('CONCEDE', 'concession'),
  n('CONCEDE', 'libération', { after: /^\s+(?:de|des|du|d['’])\s*(?:\S+\s+)?(?:prisonniers?|otages?|détenus?|opposants?|militants?|journalistes?)/u }),
  n('CONCEDE', 'levée des sanctions', { forms: ['levée des sanctions'] }),

  // RETREAT: withdrawals and evacuations.
  pv('RETREAT', 'retirer', { after: /^\s+(?:de|du|des|d['’])\s/u }),
  v('RETREAT', 'retirer', { after: within(2, 'troupes|soldats|forces|militaires|ambassadeur|diplomates') }),
  v('RETREAT', 'évacuer'),
  pv('RETREAT', 'replier'),
  n('RETREAT', 'retrait', { notAfter: /^\s+(?:de\s+permis|d['’]argent)/u }),
  n('RETREAT', 'évacuation'),

  // OTHER: elections and appointments.
  v('OTHER', 'élire', { notBefore: /(?:les|des|aux|ses|leurs|nos|ces)\s+$/u }),
  v('OTHER', 'réélire', { notBefore: /(?:les|des|aux)\s+$/u }),
  v('OTHER', 'nommer', { notAfter: /^\s+(?:ainsi|comme\s+ça)/u, notBefore: /(?:se|s['’])\s*$/u }),
  n('OTHER', 'élection'),
  n('OTHER', 'réélection'),
  n('OTHER', 'scrutin'),
  n('OTHER', 'présidentielle'),
  n('OTHER', 'législatives', { forms: ['législatives', 'élections législatives'] }),
  n('OTHER', 'référendum'),
  n('OTHER', 'nomination'),
  n('OTHER', 'investiture'),
  n('OTHER', 'remaniement'),
  n('OTHER', 'prestation de serment', { forms: ['prestation de serment', 'prêté serment', 'prêter serment'] }),
];

/**
 * Verb surface forms that are, in news prose, far more often a noun or an
 * unrelated adjective (`un signe`, `un livre`, `la forme`).
 */
const NOUN_LIKE_VERB_FORMS = new Set(['signe', 'signes', 'livre', 'livres', 'forme', 'formes', 'manifeste', 'manifestes', 'offre', 'offres', 'demande', 'demandes', 'aide', 'aides', 'appel', 'placé', 'place', 'places', 'placée', 'mis', 'mise', 'mises', 'met', 'mets', 'accord', 'entendu', 'entendue', 'entendus', 'rendu', 'rendue', 'rendus', 'rendues', 'servi', 'sert', 'servit', 'lève', 'levé', 'levée', 'tire', 'tiré', 'tirés', 'tirée', 'retrouvé', 'retrouvée', 'trouvé', 'report', 'voté', 'constitué', 'constituée', 'retire', 'sanctionné']);

/** Verb forms kept even though listed as noun-like, when the lexicon needs them in a fixed phrase. */
function isVerbFormUsable(spec: TriggerSpec, form: string): boolean {
  if (spec.complement || spec.pronominal || spec.after) return true;
  return !NOUN_LIKE_VERB_FORMS.has(form);
}

function pluralize(word: string): string {
  if (word.includes(' ')) {
    const [head, ...rest] = word.split(' ');
    return [pluralize(head), ...rest].join(' ');
  }
  if (/[sxz]$/u.test(word)) return word;
  if (/al$/u.test(word)) return `${word.slice(0, -2)}aux`;
  if (/eau$/u.test(word)) return `${word}x`;
  return `${word}s`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function alternation(forms: Iterable<string>): string {
  return [...new Set(forms)]
    .sort((a, b) => b.length - a.length)
    .map((f) => escapeRegExp(f).replace(/['’]/gu, "['’]").replace(/ /gu, String.raw`\s+`))
    .join('|');
}

/** The lookup key of a word: lower-cased, with the long s the case-insensitive patterns equate with `s`. */
const foldWord = (word: string): string => {
  const lower = word.toLowerCase();
  return lower.includes('ſ') ? lower.replace(/ſ/gu, 's') : lower;
};

function firstWordOf(form: string): string {
  const first = form.match(/^[\p{L}\p{N}]+/u)?.[0];
  if (!first) throw new Error(`trigger form must start with a letter or digit: ${form}`);
  return foldWord(first);
}

function compile(spec: TriggerSpec): CompiledTrigger {
  const tenses = new Map<string, TenseCode[]>();
  let forms: string[];
  if (spec.kind === 'verb') {
    for (const { form, tense } of conjugate(spec.lemma)) {
      if (!isVerbFormUsable(spec, form)) continue;
      tenses.set(form, [...(tenses.get(form) ?? []), tense]);
    }
    forms = [...tenses.keys()];
  } else {
    forms = spec.forms ?? [spec.lemma, pluralize(spec.lemma)];
  }
  const source = String.raw`(?<![\p{L}\p{N}])(?:${alternation(forms)})${spec.complement ?? ''}(?![\p{L}\p{N}])`;
  const isOneWord = (form: string): boolean => /^[\p{L}\p{N}]+$/u.test(form);
  return {
    ...spec,
    pattern: new RegExp(source, 'iuy'),
    firstWords: new Set(forms.map(firstWordOf)),
    tenses,
    singleWordForms: spec.complement ? null : new Set(forms.filter(isOneWord).map(foldWord)),
    phraseFirstWords: new Set(forms.filter((f) => !isOneWord(f)).map(firstWordOf)),
  };
}

export const TRIGGERS: readonly CompiledTrigger[] = TRIGGER_SPECS.map(compile);

/** Positions in TRIGGERS of the triggers with a form starting with each (folded) word. */
const TRIGGERS_BY_FIRST_WORD = new WordTable<number[]>(TRIGGERS.reduce((n, trigger) => n + trigger.firstWords.size, 0));
TRIGGERS.forEach((trigger, position) => {
  for (const word of trigger.firstWords) {
    const positions = TRIGGERS_BY_FIRST_WORD.valueOf(word);
    if (positions) positions.push(position);
    else TRIGGERS_BY_FIRST_WORD.set(word, [position]);
  }
});

export interface TriggerMatch {
  trigger: CompiledTrigger;
  index: number;
  /** The matched text. */
  text: string;
}

/**
 * The matches of every trigger in `text`: trigger by trigger in lexicon order, each
 * trigger's left to right and non-overlapping (what `matchAll` of its pattern finds).
 * A match starts at a word with one of the trigger's first words, so only those are tried.
 */
export function findTriggerMatches(text: string): TriggerMatch[] {
  // Folding the whole text keeps its offsets unless a letter lower-cases to several (`İ`).
  const folded = foldWord(text);
  const sameOffsets = folded.length === text.length;
  const bounds = LETTERS_AND_DIGITS.wordBounds(text);
  const foldedWord = (i: number): string => (sameOffsets ? folded.slice(bounds[i], bounds[i + 1]) : foldWord(text.slice(bounds[i], bounds[i + 1])));
  // (trigger position, word) pairs as one number each, sorted: trigger by trigger, words left to right
  const hits: number[] = [];
  for (let i = 0; i < bounds.length; i += 2) {
    const positions = sameOffsets ? TRIGGERS_BY_FIRST_WORD.get(folded, bounds[i], bounds[i + 1]) : TRIGGERS_BY_FIRST_WORD.valueOf(foldedWord(i));
    if (positions) for (const position of positions) hits.push(position * bounds.length + i);
  }
  hits.sort((a, b) => a - b);
  const matches: TriggerMatch[] = [];
  let resumeAt = 0;
  let previous = -1;
  for (const hit of hits) {
    const position = Math.floor(hit / bounds.length);
    const i = hit % bounds.length;
    if (position !== previous) resumeAt = 0;
    previous = position;
    const start = bounds[i];
    if (start < resumeAt) continue;
    const trigger = TRIGGERS[position];
    const word = trigger.singleWordForms ? foldedWord(i) : null;
    if (word !== null && !trigger.phraseFirstWords.has(word)) {
      if (!trigger.singleWordForms!.has(word)) continue;
      matches.push({ trigger, index: start, text: text.slice(start, bounds[i + 1]) });
      resumeAt = bounds[i + 1];
      continue;
    }
    trigger.pattern.lastIndex = start;
    const m = trigger.pattern.exec(text);
    if (!m) continue;
    matches.push({ trigger, index: start, text: m[0] });
    resumeAt = start + m[0].length;
  }
  return matches;
}
