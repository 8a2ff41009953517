// Command demogen writes topicmill's demo corpus: short documents on six
// clearly different subjects, one folder per subject, generated from
// hand-written sentence templates with a fixed seed so that the corpus is
// the same on every machine.
//
// Usage: go run ./tools/demogen -out testdata/demo
package main

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// subject is one label of the demo corpus: the words that fill its
// templates' slots and the templates themselves.
type subject struct {
	label     string
	nouns     []string
	verbs     []string
	adjs      []string
	templates []string
}

// common fills the {common} slot of every subject's templates, so that the
// subjects share ordinary words and the topics must be found, not read off.
var common = []string{"week", "people", "time", "year", "plan", "idea", "question", "result", "friend", "morning"}

var subjects = []subject{
	{
		label: "space",
		nouns: []string{"rocket", "orbit", "telescope", "galaxy", "planet", "astronaut", "satellite", "comet", "nebula", "launch pad", "moon", "mission", "spacecraft", "asteroid", "star"},
		verbs: []string{"launched", "observed", "tracked", "photographed", "landed near", "measured", "orbited"},
		adjs:  []string{"distant", "bright", "icy", "orbital", "lunar", "solar", "faint"},
		templates: []string{
			"The {adj} {noun} was {verb} by the {noun} team last {common}.",
			"Astronomers {verb} a {adj} {noun} beyond the {noun}.",
			"A new {noun} will help the {noun} crew study the {adj} {noun}.",
			"NASA says the {noun} {verb} the {adj} {noun} after a long {common}.",
			"Our {noun} images show a {adj} {noun} in deep space.",
		},
	},
	{
		label: "cooking",
		nouns: []string{"recipe", "oven", "garlic", "butter", "sauce", "pasta", "onion", "flour", "dough", "kitchen", "soup", "pepper", "bread", "skillet", "olive oil"},
		verbs: []string{"baked", "simmered", "chopped", "roasted", "whisked", "seasoned", "stirred"},
		adjs:  []string{"crispy", "savory", "fresh", "golden", "spicy", "creamy", "tender"},
		templates: []string{
			"I {verb} the {noun} with {adj} {noun} for the {common} dinner.",
			"This {noun} needs {adj} {noun} and a little {noun}.",
			"Keep the {noun} hot and add {adj} {noun} before serving.",
			"My {friend} {verb} a {adj} {noun} in a cast iron {noun}.",
			"Taste the {noun}, then season with {noun} until it is {adj}.",
		},
	},
	{
		label: "football",
		nouns: []string{"goal", "striker", "referee", "match", "league", "stadium", "coach", "penalty", "midfielder", "keeper", "season", "tackle", "captain", "corner kick", "fans"},
		verbs: []string{"scored", "defended", "won", "lost", "booked", "saved", "passed"},
		adjs:  []string{"late", "decisive", "brilliant", "tactical", "crowded", "fierce", "unbeaten"},
		templates: []string{
			"The {noun} {verb} a {adj} {noun} in the second half.",
			"A {adj} {noun} from the {noun} sealed the {noun} this {common}.",
			"The {noun} said the {noun} was {adj} for the whole {noun}.",
			"Thousands of {noun} watched the {adj} {noun} at the {noun}.",
			"After the {noun}, the {noun} {verb} the {adj} {noun}.",
		},
	},
	{
		label: "gardening",
		nouns: []string{"tomato", "seedling", "compost", "soil", "garden bed", "rose", "mulch", "watering can", "greenhouse", "weed", "shovel", "fertilizer", "tulip", "hedge", "harvest"},
		verbs: []string{"planted", "pruned", "watered", "weeded", "mulched", "harvested", "transplanted"},
		adjs:  []string{"leafy", "sunny", "moist", "organic", "blooming", "shady", "fertile"},
		templates: []string{
			"We {verb} the {noun} in a {adj} {noun} this {common}.",
			"Spread {adj} {noun} around each {noun} to keep the {noun} {adj}.",
			"The {noun} grew well beside the {adj} {noun}.",
			"Every {common} I {verb} the {noun} and check the {noun}.",
			"A {adj} {noun} needs {noun} and plenty of water.",
		},
	},
	{
		label: "computing",
		nouns: []string{"processor", "compiler", "memory", "keyboard", "server", "database", "software", "laptop", "kernel", "network", "disk", "program", "cache", "motherboard", "graphics card"},
		verbs: []string{"compiled", "installed", "debugged", "upgraded", "rebooted", "configured", "benchmarked"},
		adjs:  []string{"faster", "parallel", "binary", "virtual", "wireless", "embedded", "encrypted"},
		templates: []string{
			"I {verb} the {noun} on my {adj} {noun} last {common}.",
			"The {noun} crashed until we {verb} the {adj} {noun}.",
			"A {adj} {noun} makes the {noun} run much faster.",
			"Our {noun} team {verb} the {noun} and the {adj} {noun}.",
			"Check the {noun} logs before you replace the {adj} {noun}.",
		},
	},
	{
		label: "finance",
		nouns: []string{"stock", "investor", "bond", "dividend", "interest rate", "portfolio", "bank", "inflation", "market", "loan", "mortgage", "budget", "shares", "pension", "currency"},
		verbs: []string{"bought", "sold", "raised", "cut", "hedged", "borrowed", "invested in"},
		adjs:  []string{"volatile", "quarterly", "bullish", "fiscal", "monetary", "risky", "annual"},
		templates: []string{
			"The {noun} {verb} {adj} {noun} after the {noun} report.",
			"Analysts expect {adj} {noun} to lift the {noun} this {common}.",
			"My {noun} holds a {adj} {noun} and some {noun}.",
			"The central {noun} {verb} the {noun} to fight {noun}.",
			"A {adj} {noun} can hurt every {noun} in the {noun}.",
		},
	},
}

// docsPerSubject is how many documents each subject gets.
const docsPerSubject = 50

func main() {
	out := flag.String("out", "testdata/demo", "folder to write the corpus into")
	seed := flag.Uint64("seed", 2026, "random seed")
	flag.Parse()
	if err := write(*out, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "demogen:", err)
		os.Exit(1)
	}
}

// write generates the corpus into out, one folder per subject.
func write(out string, seed uint64) error {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	for _, s := range subjects {
		dir := filepath.Join(out, s.label)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		for i := 1; i <= docsPerSubject; i++ {
			name := filepath.Join(dir, fmt.Sprintf("%03d.txt", i))
			if err := os.WriteFile(name, []byte(document(rng, s)), 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}

// document writes one document of three to six sentences on subject s.
func document(rng *rand.Rand, s subject) string {
	n := 3 + rng.IntN(4)
	sentences := make([]string, n)
	for i := range sentences {
		sentences[i] = fixArticles(fill(rng, s, s.templates[rng.IntN(len(s.templates))]))
	}
	return strings.Join(sentences, " ") + "\n"
}

// fill replaces each {slot} of template with a word drawn for that slot.
func fill(rng *rand.Rand, s subject, template string) string {
	pick := func(words []string) string { return words[rng.IntN(len(words))] }
	var b strings.Builder
	for {
		open := strings.IndexByte(template, '{')
		if open < 0 {
			b.WriteString(template)
			return b.String()
		}
		end := open + strings.IndexByte(template[open:], '}')
		b.WriteString(template[:open])
		switch template[open+1 : end] {
		case "noun":
			b.WriteString(pick(s.nouns))
		case "verb":
			b.WriteString(pick(s.verbs))
		case "adj":
			b.WriteString(pick(s.adjs))
		case "common", "friend":
			b.WriteString(pick(common))
		}
		template = template[end+1:]
	}
}

// fixArticles turns "a" into "an" before a word that starts with a vowel.
func fixArticles(sentence string) string {
	words := strings.Split(sentence, " ")
	for i := 0; i+1 < len(words); i++ {
		if (words[i] == "a" || words[i] == "A") && strings.ContainsRune("aeiou", rune(words[i+1][0])) {
			words[i] += "n"
		}
	}
	return strings.Join(words, " ")
}
