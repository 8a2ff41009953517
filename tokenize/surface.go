package tokenize

// SurfaceForms returns, for each stem id of d, its most frequent normalised
// surface form over all the sessions' text (ties: the shortest in bytes,
// then the smallest string; a stem no session saw: the stem itself), so
// reports show "computer", never "comput". The result does not depend on
// the order of the sessions. Sessions must use d (a programmer error
// otherwise) and must not be tokenizing while it runs.
func SurfaceForms(d *Dictionary, sessions ...*Session) []string {
	type form struct {
		stem int32
		word string
	}
	counts := make(map[form]int64)
	for _, s := range sessions {
		if s.dict != d {
			panic("tokenize: SurfaceForms: a session uses another dictionary")
		}
		for _, e := range s.entries {
			if e.stem >= 0 {
				counts[form{e.stem, e.word}] += e.count
			}
		}
	}
	out := d.Stems()
	best := make([]int64, len(out))
	for f, c := range counts {
		b := out[f.stem]
		if c > best[f.stem] || c == best[f.stem] && (len(f.word) < len(b) || len(f.word) == len(b) && f.word < b) {
			out[f.stem], best[f.stem] = f.word, c
		}
	}
	return out
}
