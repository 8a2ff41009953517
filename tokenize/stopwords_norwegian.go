package tokenize

// norwegianStopWords are common Norwegian (bokmål, with frequent nynorsk
// forms) function words: pronouns, articles, prepositions, conjunctions,
// auxiliaries and frequent adverbs.
const norwegianStopWords = `
alle allerede alt andre annen annet at av
bare ble bli blir blitt både
da de dei deg dem den denne deres dere det dette di din dine disse ditt du dykk
eg ein eit eller en enn er et ett etter
for fordi fra før
ha hadde han hans har hennar henne hennes her hjå ho hoe honom hun hva hvem
hvilke hvilken hvilket hvis hvor hvordan hvorfor
i ikke ikkje inn inne
ja jeg
kan kom kunne
man me med meg men mi min mine mitt mot mye
nei noe noen når nå
og også om opp oss over
på
selv seg si sia sidan siden sin sine sitt sjøl skal skulle slik so som så
til
um under upp ut uten
var vart vi vil ville vore vår våre vårt være vært
`
