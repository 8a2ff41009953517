package tokenize

// swedishStopWords are common Swedish function words: pronouns, articles,
// prepositions, conjunctions, auxiliaries and frequent adverbs.
const swedishStopWords = `
alla allt andra annan annat att av
bara blev bli blir blivit både
de dem den denna deras dess dessa det detta dig din dina ditt du där då
efter ej eller en er era ert ett
från för före
ha hade han hans har hon honom hur här
i icke inom inte
ja jag
kan kunde
man med mellan men mig min mina mitt mot mycket
ne nej någon något några när nu
och också om oss
på
redan
samma samt sedan sig sin sina sitta sitt själv skall ska skulle som så sådan
sådana sådant
till
under upp ut utan
vad var vara varför varit varje vars vem vi vid vilka vilken vilket vår våra vårt
än är åt över
`
