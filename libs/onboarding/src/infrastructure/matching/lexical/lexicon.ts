/**
 * The word knowledge of the lexical role matcher: English stopwords (plus words every job
 * description uses), multi-word phrases and abbreviations folded into one term, word forms the
 * stemmer would merge wrongly, and synonym groups (global, and per industry where a word means
 * something else elsewhere: "stock" is inventory in logistics and shares in banking).
 */

export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are around as at be because been before being ' +
    'below between both but by can could did do does doing done down during each either etc every few for from ' +
    'further had has have having he her here hers herself him himself his how i if in into is it its itself ' +
    'just let me more most my myself no nor not now of off on once only or other our ours ourselves out over ' +
    'own per same she should so some such than that the their theirs them themselves then there these they ' +
    'this those through to too under until up very via was we were what when where whether which while who ' +
    'whom why will with within without would you your yours yourself ' +
    // words any job description uses: no evidence for one role over another
    'able always around company day daily everybody everyone everything get go help helps job ' +
    'like lot lots make many much need often people really responsible responsibility role sometimes ' +
    'sure take taking thing things try usually want way well work working works year yearly'
  ).split(/\s+/),
);

/**
 * Phrases and abbreviations rewritten before tokenising (longest first). Right-hand sides are single
 * terms (or plain words) so that "front desk" and "reception" meet.
 */
export const PHRASES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bbills? of lading\b|\bb\/l\b/g, ' billoflading '],
  [/\bletters? of credit\b|\bl\/c\b/g, ' letterofcredit '],
  [/\bcertificates? of origin\b/g, ' certificateoforigin '],
  [/\bpurchase orders?\b/g, ' purchaseorder '],
  [/\bhs codes?\b/g, ' hscode '],
  [/\b(?:anti[- ])?money[- ]laundering\b|\baml\b/g, ' aml '],
  [/\bknow[- ]your[- ]customers?\b|\bkyc\b/g, ' kyc '],
  [/\bhigh[- ]net[- ]worth\b|\bhnwi?s?\b/g, ' wealthy '],
  [/\bforeign exchange\b|\bforex\b/g, ' fx '],
  [/\bm&a\b|\bm ?& ?a\b|\bmergers? (?:and|&) acquisitions?\b/g, ' merger acquisition '],
  [/\bp&l\b|\bprofit (?:and|&) loss\b/g, ' profit '],
  [/\bf&b\b|\bfood (?:and|&) beverages?\b/g, ' fnb '],
  [/\bs&op\b/g, ' sop '],
  [/\bfront (?:desk|office)\b/g, ' reception '],
  [/\bcheck[- ]?ins?\b/g, ' checkin '],
  [/\bcheck[- ]?outs?\b/g, ' checkout '],
  [/\bair[- ]?con(?:ditioning|ditioner)?s?\b|\bhvac\b/g, ' hvac '],
  [/\bhome loans?\b/g, ' mortgage '],
  [/\bdue diligence\b/g, ' duediligence '],
  [/\bgoing public\b|\bgoes public\b|\bgo public\b|\binitial public offerings?\b/g, ' ipo '],
  [/\bvalue at risk\b/g, ' var '],
  [/\bstress tests?\b|\bstress testing\b/g, ' stresstest '],
  [/\bpitch (?:books?|decks?)\b/g, ' pitchbook '],
  [/\bcash flows?\b/g, ' cashflow '],
  [/\bsupply chains?\b/g, ' supplychain '],
  [/\blead times?\b/g, ' leadtime '],
  [/\bdemurrage\b|\blaytime\b/g, ' demurrage '],
  [/\bcharter part(?:y|ies)\b/g, ' charterparty '],
  [/\btrade finance\b/g, ' tradefinance '],
  [/\breal estate\b/g, ' realestate '],
  [/\bcap rates?\b/g, ' caprate '],
  [/\broom service\b/g, ' roomservice '],
  [/\broom attendants?\b|\bchambermaids?\b/g, ' roomattendant '],
  [/\blost (?:and|&) found\b|\blost property\b/g, ' lostfound '],
  [/\btravel agen(?:ts?|cy|cies)\b/g, ' travelagent '],
];

/** Word forms the stemmer would merge with an unrelated word ("customs" and "customers"). */
export const WORD_FORMS: Readonly<Record<string, string>> = {
  customer: 'client',
  customers: 'client',
  customs: 'customs',
  goods: 'goods',
  lorries: 'truck',
  lorry: 'truck',
  news: 'news',
  data: 'data',
  media: 'media',
  shares: 'equity',
  share: 'equity',
};

/** Synonym groups: every word of a group is read as the first one. */
export const SYNONYMS: ReadonlyArray<readonly string[]> = [
  ['client', 'customer'],
  ['purchase', 'buy', 'procure', 'procurement', 'purchasing'],
  ['sale', 'sell', 'selling'],
  ['supplier', 'vendor'],
  ['quotation', 'quote', 'rfq'],
  ['analysis', 'analyse', 'analyze', 'analyst', 'analytics'],
  ['audit', 'auditor', 'auditing'],
  ['invest', 'investment', 'investor', 'investing'],
  ['regulation', 'regulatory', 'regulator', 'compliance', 'comply', 'law', 'rule'],
  ['complaint', 'complain', 'unhappy', 'angry', 'dissatisfied'],
  ['repair', 'fix', 'maintenance', 'maintain'],
  ['truck', 'lorry', 'van'],
  ['port', 'terminal', 'harbour', 'harbor', 'wharf', 'quay', 'dock'],
  ['warehouse', 'depot', 'storehouse', 'warehousing'],
  ['agent', 'agency', 'realtor'],
  ['staff', 'employee', 'worker'],
  ['schedule', 'roster', 'rota'],
  ['forecast', 'projection'],
  ['fx', 'currency'],
  ['wealthy', 'wealth', 'rich', 'affluent'],
  ['retirement', 'retire', 'pension'],
  ['reject', 'rejection', 'decline'],
  ['valuation', 'value', 'appraisal', 'appraise', 'valuer', 'worth'],
  ['tenant', 'tenancy', 'renter', 'lessee'],
  ['lift', 'elevator'],
  ['security', 'guard'],
  ['kitchen', 'culinary'],
  ['chef', 'cook'],
  ['clean', 'cleaning', 'cleaner', 'housekeeping'],
  ['tour', 'trip', 'sightseeing'],
  ['upsell', 'upselling', 'upgrade'],
  ['vessel', 'boat'],
  ['document', 'documentation', 'paperwork', 'docs'],
  ['delivery', 'deliver'],
  ['ipo', 'listing'],
  ['fee', 'charge'],
];

export const INDUSTRY_SYNONYMS: Readonly<Record<string, ReadonlyArray<readonly string[]>>> = {
  banking_finance: [
    ['equity', 'equities', 'stock', 'shares'],
    ['loan', 'lend', 'lending', 'borrow', 'borrower', 'facility'],
    ['rating', 'grade', 'score'],
    ['benchmark', 'index'],
    ['branch', 'outlet'],
  ],
  shipping_logistics: [
    ['inventory', 'stock'],
    ['price', 'pricing', 'rate', 'tariff'],
    ['fuel', 'diesel', 'bunker', 'petrol'],
  ],
  real_estate: [
    ['apartment', 'flat', 'home', 'house', 'unit'],
    ['shop', 'retail', 'store'],
    ['estate', 'housing'],
  ],
  hotels_hospitality: [
    ['price', 'pricing', 'rate'],
    ['reservation', 'booking', 'book', 'reserve'],
    ['restaurant', 'outlet', 'dining'],
    ['limousine', 'car', 'taxi', 'transfer', 'chauffeur'],
    ['banquet', 'function'],
    ['vip', 'vvip'],
  ],
};
