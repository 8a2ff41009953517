package tokenize

// hungarianStopWords are common Hungarian function words: articles,
// pronouns and their case forms, postpositions, conjunctions, forms of van
// and lesz, and frequent adverbs.
const hungarianStopWords = `
a abban ahhoz ahol aki akik akkor alatt által amely amelyek amelyet ami amikor
amit annak arra arról át az azok azokat azon azonban azt azért
be belül
csak
de
e ebben egy egyes egyik együtt el előtt elég én engem és ez ezek ezeket ezen ezt
ezért erre erről
fel felett
hanem hát hogy hogyan
igen ill illetve ilyen így is itt
jól
keresztül kell kellett ki kik
le lehet lenne lesz lett
ma majd már más másik meg mellett mert mi miért mik milyen mind minden mindig
minket mint mintha mit mivel
nagyon neki nekem neked nekik nekünk nektek nem nincs
olyan ott ő ők őket össze őt
pedig például
rá
saját sem semmi sok során szerint
te téged ti titeket több
úgy új újra után utána
vagy vagyis vagyok vagyunk vajon vala valaki valami van vannak vele velem
veled vissza volna volt voltak voltam
`
