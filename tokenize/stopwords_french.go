package tokenize

// frenchStopWords are common French function words: articles, pronouns,
// prepositions, conjunctions, the forms of être and avoir, and frequent adverbs.
const frenchStopWords = `
à afin ai aie aient ainsi alors as au aucun aucune auquel aussi autre autres aux
auxquels avaient avais avait avant avec avez aviez avoir avons ayant
bien
c ça car ce ceci cela celle celles celui cependant ces cet cette ceux chaque chez
comme comment
d dans de déjà depuis des desquels dont donc du duquel
elle elles en encore entre es est et étaient étais était étant été êtes être eu
eux
fait faire fois
hors
ici il ils
j je jusqu jusque
l la là laquelle le lequel les lesquelles lesquels leur leurs lorsque lui
m ma mais me même mêmes mes moi moins mon
n ne ni non nos notre nous
on ont or ou où oui
par parce pas peu peut plus pour pourquoi puis puisque
qu quand que quel quelle quelles quels qui quoi
s sa sans se sera serait seront ses si sien sienne soi soit sommes son sont sous
suis sur
t ta tandis te tel telle tels tes toi ton tous tout toute toutes très trop tu
un une
vers voici voilà vos votre vous
y
`
