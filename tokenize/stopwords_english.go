package tokenize

// englishStopWords are common English function words: articles, pronouns,
// auxiliaries, prepositions, conjunctions, quantifiers, discourse adverbs and
// their contractions (also as commonly typed without the apostrophe).
// Corpus-specific noise (e-mail headers, "wrote", "article") is not here:
// that is the corpus layer's job.
const englishStopWords = `
a about above across after afterwards again against ago all almost alone along
already also although always am among amongst an and another any anybody anyhow
anyone anything anyway anyways anywhere are aren't arent around as aside at away
be became because become becomes becoming been before beforehand behind being
below beside besides between beyond both but by
can can't cannot cant could couldn't couldnt
did didn't didnt do does doesn't doesnt doing don't dont done down during
each e.g either else elsewhere enough especially etc even ever every everybody
everyone everything everywhere except
few fewer for former formerly from further furthermore
get gets getting got gotten
had hadn't hadnt has hasn't hasnt have haven't havent having he he'd he'll he's
hence her here here's hereafter hereby herein hers herself him himself his how
how's however
i i'd i'll i'm i've i.e ie if im in inc indeed instead into is isn't isnt it it'd
it'll it's its itself ive
just
last latter latterly least less let let's like likely
many may maybe me meanwhile might mine more moreover most mostly much must
mustn't my myself
namely neither never nevertheless next no nobody non none noone nor not nothing
now nowhere
of off often oh ok okay on once one ones only onto or other others otherwise
ought our ours ourselves out over own
per perhaps please
quite
rather re really
said same say says seem seemed seeming seems several shall shan't she she'd
she'll she's should shouldn't shouldnt since so some somebody somehow someone
something sometime sometimes somewhat somewhere still such sure
than that that'd that'll that's thats the their theirs them themselves then
thence there there'd there'll there's thereafter thereby therefore therein
thereupon these they they'd they'll they're they've theyre thing things this
those though through throughout thru thus to together too toward towards
under unless unlike until up upon us use used uses using usually
various very via vs
was wasn't wasnt way we we'd we'll we're we've well went were weren't werent what
what'll what's whatever when when's whence whenever where where's whereafter
whereas whereby wherein whereupon wherever whether which while whither who who'd
who'll who's whoever whole whom whose why why's will with within without won't
wont would wouldn't wouldnt
yeah yes yet you you'd you'll you're you've youd youll your youre yours yourself
yourselves youve
`
