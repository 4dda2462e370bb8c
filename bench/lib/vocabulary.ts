/**
 * Words of the prevention field in the six languages the synthetic resources are written in, from
 * which titles and summaries are drawn. The first word of each list is the "common word" the search
 * benchmark looks for: the generator puts it in about one resource in ten of that language.
 */
export const VOCABULARY: Readonly<Record<string, readonly string[]>> = {
  da: [
    'forebyggelse', 'radikalisering', 'tryghed', 'kriminalitet', 'unge', 'samarbejde', 'kommune', 'politi', 'skole', 'familie',
    'ekstremisme', 'indsats', 'netværk', 'borgere', 'lokalsamfund', 'vejledning', 'erfaringer', 'metoder', 'socialrådgivere',
    'mentorer', 'exit', 'trivsel', 'fællesskab', 'boligområder', 'dialog', 'handleplan', 'evaluering', 'koordinering', 'viden',
  ],
  sv: [
    'förebyggande', 'radikalisering', 'trygghet', 'brottslighet', 'ungdomar', 'samverkan', 'kommun', 'polis', 'skola', 'familj',
    'extremism', 'insatser', 'nätverk', 'medborgare', 'lokalsamhälle', 'vägledning', 'erfarenheter', 'metoder', 'socialtjänst',
    'mentorer', 'avhoppare', 'välmående', 'gemenskap', 'bostadsområden', 'dialog', 'handlingsplan', 'utvärdering', 'samordning', 'kunskap',
  ],
  nb: [
    'forebygging', 'radikalisering', 'trygghet', 'kriminalitet', 'ungdom', 'samarbeid', 'kommune', 'politi', 'skole', 'familie',
    'ekstremisme', 'innsats', 'nettverk', 'innbyggere', 'lokalsamfunn', 'veileder', 'erfaringer', 'metoder', 'barnevern',
    'mentorer', 'exit', 'trivsel', 'fellesskap', 'boområder', 'dialog', 'handlingsplan', 'evaluering', 'koordinering', 'kunnskap',
  ],
  fi: [
    'ennaltaehkäisy', 'radikalisoituminen', 'turvallisuus', 'rikollisuus', 'nuoret', 'yhteistyö', 'kunta', 'poliisi', 'koulu', 'perhe',
    'ekstremismi', 'toimenpiteet', 'verkosto', 'asukkaat', 'paikallisyhteisö', 'opas', 'kokemukset', 'menetelmät', 'sosiaalityö',
    'mentorit', 'irtautuminen', 'hyvinvointi', 'yhteisöllisyys', 'asuinalueet', 'vuoropuhelu', 'toimintasuunnitelma', 'arviointi', 'koordinointi', 'tieto',
  ],
  en: [
    'prevention', 'radicalisation', 'safety', 'crime', 'youth', 'cooperation', 'municipality', 'police', 'school', 'family',
    'extremism', 'intervention', 'network', 'citizens', 'community', 'guidance', 'experience', 'methods', 'social workers',
    'mentors', 'exit', 'wellbeing', 'trust', 'neighbourhoods', 'dialogue', 'action plan', 'evaluation', 'coordination', 'knowledge',
  ],
  de: [
    'prävention', 'radikalisierung', 'sicherheit', 'kriminalität', 'jugendliche', 'zusammenarbeit', 'kommune', 'polizei', 'schule', 'familie',
    'extremismus', 'maßnahmen', 'netzwerk', 'bürger', 'gemeinwesen', 'leitfaden', 'erfahrungen', 'methoden', 'sozialarbeit',
    'mentoren', 'ausstieg', 'wohlbefinden', 'gemeinschaft', 'wohnviertel', 'dialog', 'aktionsplan', 'evaluation', 'koordination', 'wissen',
  ],
};

export const LANGUAGES = Object.keys(VOCABULARY);

/** The word the search benchmark asks for in each language. */
export const COMMON_WORDS: Readonly<Record<string, string>> = Object.fromEntries(LANGUAGES.map((l) => [l, VOCABULARY[l][0]]));
