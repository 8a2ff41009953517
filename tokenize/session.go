package tokenize

// Session is one goroutine's tokenizer: it caches each surface word's
// decision (taken from its dictionary's shared word cache, so that every
// distinct word is normalised and stemmed once per dictionary, however many
// sessions meet it) and counts surface forms. It is not safe for concurrent use.
//
// The cache is keyed by the segment exactly as written ("The" and "the" are
// two entries with the same outcome), so a known word costs one map lookup
// and no lower-casing.
type Session struct {
	a       *Analyzer
	dict    *Dictionary
	sc      scanner
	index   map[string]int32 // segment as written -> index in entries
	entries []surface
}

// surface is one distinct segment a session met.
type surface struct {
	stem  int32  // id in the dictionary; -1 for a dropped word
	word  string // the normalised word it counts as, for SurfaceForms
	count int64  // times met
}

// NewSession returns a session that interns stems into d.
func (a *Analyzer) NewSession(d *Dictionary) *Session {
	return &Session{a: a, dict: d, index: make(map[string]int32)}
}

// Terms appends the stem id of every kept token of text, in text order, to
// dst and returns it. After warm-up it allocates nothing per token (only
// for words this session has never seen).
func (s *Session) Terms(text string, dst []int32) []int32 {
	s.sc.reset(text)
	for tok, ok := s.sc.next(); ok; tok, ok = s.sc.next() {
		if len(tok) > s.a.maxTokenBytes {
			continue
		}
		idx, ok := s.index[string(tok)]
		if !ok {
			idx = s.learn(tok)
		}
		e := &s.entries[idx]
		e.count++
		if e.stem >= 0 {
			dst = append(dst, e.stem)
		}
	}
	return dst
}

// learn caches the outcome of a segment the session has not met, taking it
// from the dictionary's shared word cache (which analyses it when new).
func (s *Session) learn(tok []byte) int32 {
	c := s.dict.cached(s.a, tok)
	idx := int32(len(s.entries))
	s.entries = append(s.entries, surface{stem: c.stem, word: c.word})
	s.index[c.key] = idx
	return idx
}
