package tokenize

import "github.com/topicmill/topicmill/internal/hugepage"

// Session is one goroutine's tokenizer: it caches each surface word's
// decision (taken from its dictionary's shared word cache, so that every
// distinct normalised word is stemmed once per dictionary, however many
// sessions meet it) and counts surface forms. It is not safe for concurrent use.
//
// The cache is keyed by the segment exactly as written ("The" and "the" are
// two entries with the same outcome), so a known word costs one hash-table
// probe and no lower-casing.
type Session struct {
	a       *Analyzer
	dict    *Dictionary
	sc      scanner
	index   table     // segment as written -> index in entries and words
	entries []surface // by index id: what every token needs
	words   []string  // by index id: the normalised word it counts as, for SurfaceForms
}

// surface is one distinct segment a session met: only what each of its
// tokens reads and writes, so that the array stays small in the caches
// (the segment's word is kept apart, in words).
type surface struct {
	count int64 // times met
	stem  int32 // id in the dictionary; -1 for a dropped word
}

// NewSession returns a session that interns stems into d.
func (a *Analyzer) NewSession(d *Dictionary) *Session {
	return &Session{a: a, dict: d, sc: scanner{cjk: a.cjkBigrams}}
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
		h := hashKey(tok)
		idx := s.index.find(tok, h)
		if idx < 0 {
			idx = s.learn(tok, h)
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
// h is tok's hash.
func (s *Session) learn(tok []byte, h uint64) int32 {
	c := s.dict.analyse(s.a, tok)
	s.entries = append(hugepage.Grown(s.entries), surface{stem: c.stem})
	s.words = append(hugepage.Grown(s.words), c.word)
	return s.index.insert(tok, h)
}
