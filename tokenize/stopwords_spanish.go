package tokenize

// spanishStopWords are common Spanish function words: articles, pronouns,
// prepositions, conjunctions, the forms of ser, estar, haber and tener, and
// frequent adverbs.
const spanishStopWords = `
a al algo algunas algunos allí ante antes aquel aquella aquellas aquellos aquí
así aunque
bajo bien
cada como cómo con contra cual cuál cuales cuando cuándo cuanto cuánto
de del desde después donde dónde durante
e el él ella ellas ello ellos en entonces entre era eran eres es esa esas ese eso
esos esta está estaba estaban estamos están estar estas éstas este esto estos
estoy fue fueron fui
ha había habían haber habrá hace hacer han has hasta hay he hemos
la las le les lo los
mas más me mí mi mía mías mientras mío míos mis mucho muchos muy
nada ni no nos nosotras nosotros nuestra nuestras nuestro nuestros nunca
o os otra otras otro otros
para pero poco por porque pues puede pueden
que qué quien quién quienes
se sea sean según ser será si sí siempre siendo sin sino sido sobre sois somos son
soy su sus suya suyas suyo suyos
también tan tanto te tener tengo ti tiene tienen toda todas todo todos tu tú tus
tuya tuyo
u un una unas uno unos
vez vosotras vosotros vuestra vuestro
y ya yo
`
