package report

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// hostile is document text trying to become markup, with invalid UTF-8 and a terminal escape.
const hostile = "<script>alert(1)</script>\"><img src=x onerror=alert(1)> bad\xff\xfebytes\x1b[31m"

// render renders a run and fails the test on an error or on html/template's
// ZgotmplZ, the marker of a value it refused to put in an attribute or style.
func render(t *testing.T, run *Run) string {
	t.Helper()
	var b bytes.Buffer
	if err := RenderHTML(&b, run); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if strings.Contains(out, "ZgotmplZ") {
		t.Errorf("html/template rejected a value (ZgotmplZ) in the output")
	}
	return out
}

func TestRenderHTMLContent(t *testing.T) {
	out := render(t, sampleRun())
	want := []string{
		"<title>testdata/news · topicmill report</title>",
		`<a href="#run">Run</a><a href="#topics">Topics</a><a href="#map">Map</a><a href="#tree">Tree</a><a href="#details">Details</a><a href="#labels">Labels</a>`,
		// the run
		"read 2,031 documents, skipped 3 (2 binary, 1 too large)",
		"<dt>documents</dt><dd>2,028</dd>", "<dt>terms</dt><dd>11,873</dd>", "<dt>non-zeros</dt><dd>240,113</dd>",
		"<tr><th scope=\"row\">max-iter</th><td><bdi>200</bdi></td></tr>",
		"<th scope=\"row\">factor</th>", ">2.71 s</td>", ">4.40 s</td>",
		"final objective <strong class=\"num\">1,843</strong> after 40 iterations",
		"frobenius objective (log scale)",
		// topics at a glance and details
		`<span class="num">1,234</span> <span class="muted num">60.8 %</span>`,
		`<td class="num">0.310</td>`,
		`<span class="lbl">soc.religion.christian</span> <span class="muted num">80.0 %</span>`,
		`<article id="topic-2" class="topic detail" style="--h: 125">`,
		`<tr><th scope="row" title="stem: orbi"><bdi>orbit</bdi></th><td class="barcell"><span class="bar"><span style="width: 50%"></span></span></td><td class="num muted">0.450</td></tr>`,
		"No documents were assigned to this topic.",
		`<span class="conf num" title="share of the document's topic weight">85.0 %</span>`,
		"In article &lt;1@example.com&gt; someone writes about god and jesus",
		"5 documents left unassigned",
		// map
		`<a href="#topic-1" class="node" style="--h: 347">`, ">1 · god jesus church</text>", `class="node hollow"`,
		// scores and heat map
		"<dt>coherence</dt><dd>0.412</dd>", "<dt>NMI</dt><dd>0.613</dd>", "<dt>ARI</dt><dd>0.543</dd>", "<dt>purity</dt><dd>0.801</dd>", "<dt>accuracy</dt><dd>0.779</dd>",
		"<dt>labeled</dt><dd>2,023</dd>", "<dt>unlabeled</dt><dd>5</dd>",
		// 1190 of 1205 = 98.8 %; 12 of 413 = 2.9 %; empty cells blank
		`<td class="cell dark" style="--a: 0.99" title="soc.religion.christian: 1,190 documents (98.8 % of the label)">1,190</td>`,
		`<td class="cell" style="--a: 0.03" title="sci.space: 12 documents (2.9 % of the label)">12</td>`,
		`<td class="cell" style="--a: 0" title="sci.space: 0 documents (0.0 % of the label)"></td>`,
		`<span class="muted">unassigned</span>`,
		`<td class="num total">2,028</td>`,
	}
	for _, w := range want {
		if !strings.Contains(out, w) {
			t.Errorf("report lacks %q", w)
		}
	}
	for _, topic := range sampleRun().Topics {
		for _, term := range topic.Terms {
			if !strings.Contains(out, "<bdi>"+term.Term+"</bdi></th>") {
				t.Errorf("report lacks topic %d's word %q", topic.ID, term.Term)
			}
		}
	}
	if n := strings.Count(out, `<td class="cell`); n != 4*5 {
		t.Errorf("heat map has %d cells, want 20", n)
	}
}

// allowedTags are the only elements the report may contain; anything else is
// corpus text that became markup.
var allowedTags = map[string]bool{
	"!doctype": true, "html": true, "head": true, "meta": true, "title": true, "style": true, "body": true,
	"header": true, "nav": true, "main": true, "section": true, "article": true, "footer": true, "div": true,
	"p": true, "span": true, "bdi": true, "strong": true, "a": true, "h1": true, "h2": true, "h3": true, "h4": true,
	"dl": true, "dt": true, "dd": true, "ol": true, "li": true, "table": true, "thead": true, "tbody": true,
	"tfoot": true, "tr": true, "th": true, "td": true,
	"svg": true, "g": true, "line": true, "path": true, "circle": true, "text": true,
}

// markup checks every tag of a rendered report against allowedTags and
// rejects event-handler attributes; it returns the problems found. It reads
// tags the way a browser does: quoted attribute values may hold anything.
func markup(out string) (problems []string) {
	// The stylesheet is our own text and may contain '>' (child selectors).
	start, end := strings.Index(out, "<style>"), strings.Index(out, "</style>")
	if start >= 0 && end > start {
		out = out[:start+len("<style>")] + out[end:]
	}
	for i := 0; i < len(out); i++ {
		if out[i] != '<' {
			continue
		}
		j := i + 1
		if j < len(out) && out[j] == '/' {
			j++
		}
		name := j
		for j < len(out) && !strings.ContainsRune(" \t\n/>", rune(out[j])) {
			j++
		}
		tag := strings.ToLower(out[name:j])
		if !allowedTags[tag] {
			problems = append(problems, "tag <"+tag)
		}
		// attributes until '>'
		for j < len(out) && out[j] != '>' {
			for j < len(out) && strings.ContainsRune(" \t\n/", rune(out[j])) {
				j++
			}
			a := j
			for j < len(out) && !strings.ContainsRune(" \t\n/>=", rune(out[j])) {
				j++
			}
			if attr := strings.ToLower(out[a:j]); strings.HasPrefix(attr, "on") {
				problems = append(problems, "attribute "+attr+" on <"+tag)
			}
			if j < len(out) && out[j] == '=' {
				j++
				if j < len(out) && (out[j] == '"' || out[j] == '\'') {
					q := out[j]
					j++
					for j < len(out) && out[j] != q {
						j++
					}
					j++
				} else {
					for j < len(out) && !strings.ContainsRune(" \t\n>", rune(out[j])) {
						j++
					}
				}
			}
		}
		i = j
	}
	return problems
}

func TestRenderHTMLEscapesCorpusText(t *testing.T) {
	run := sampleRun()
	run.Corpus = hostile
	run.Account = hostile
	run.Parameters[hostile] = hostile
	run.Timings[0].Stage = hostile
	tp := &run.Topics[0]
	tp.MajorityLabel = hostile
	tp.Terms[0] = TopicTerm{Term: hostile, Stem: hostile, Weight: 1}
	tp.Representatives[0] = DocRef{ID: hostile, Label: hostile, Confidence: 0.5, Snippet: hostile}
	run.Scores.Labels[0] = hostile
	run.Tree[0].Terms[0], run.Tree[6].Terms[0] = hostile, hostile
	out := render(t, run)

	if !utf8.ValidString(out) {
		t.Error("output is not valid UTF-8")
	}
	if strings.ContainsRune(out, 0x1b) {
		t.Error("a terminal escape byte reached the output")
	}
	lower := strings.ToLower(out)
	for _, bad := range []string{"<script", "<img"} {
		if strings.Contains(lower, bad) {
			t.Errorf("output contains raw %q", bad)
		}
	}
	// Every onerror= must sit in escaped text, right after the escaped <img.
	if n, escaped := strings.Count(out, "onerror="), strings.Count(out, "&lt;img src=x onerror="); n != escaped {
		t.Errorf("%d onerror= in the output, only %d of them escaped", n, escaped)
	}
	if escaped := strings.Count(out, "&lt;script&gt;alert(1)&lt;/script&gt;"); escaped < 8 {
		t.Errorf("the hostile text appears escaped %d times, want one per place it was put (8+)", escaped)
	}
	if !strings.Contains(out, "bad\uFFFDbytes") {
		t.Error("invalid bytes were not replaced by U+FFFD")
	}
	if p := markup(out); len(p) > 0 {
		t.Errorf("corpus text became markup: %q", p)
	}
	if p := markup(`<p title="<img onerror=x>">ok</p><img src=x onerror=alert(1)><span onclick="x">`); len(p) != 3 {
		t.Errorf("the markup check misses bad tags: %q", p)
	}
}

func TestRenderHTMLIsSelfContained(t *testing.T) {
	out := render(t, sampleRun())
	for _, bad := range []string{"http://", "https://", "@import", "url(", "src=", "<script", "<link", "<iframe", "<object"} {
		if strings.Contains(strings.ToLower(out), bad) {
			t.Errorf("report contains %q", bad)
		}
	}
	for _, m := range regexp.MustCompile(`href="([^"]*)"`).FindAllStringSubmatch(out, -1) {
		if !strings.HasPrefix(m[1], "#") {
			t.Errorf("link %q leaves the page", m[1])
		}
	}
	if !strings.Contains(out, `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`) {
		t.Error("report lacks its content security policy")
	}
}

func TestRenderHTMLShapes(t *testing.T) {
	noLabels := sampleRun()
	noLabels.Scores = nil
	for i := range noLabels.Topics {
		noLabels.Topics[i].MajorityLabel = ""
	}

	one := &Run{
		Corpus: "one", Documents: 3, Terms: 4, NonZeros: 6, Loss: "kullback-leibler", Objective: 0.25,
		Trace:    []TracePoint{{Iteration: 0, Objective: 0.25}},
		TopicMap: [][2]float64{{0, 0}}, Similarity: [][]float64{{1}},
		Topics: []Topic{{ID: 0, Size: 3, Share: 1, Coherence: 0.5,
			Terms:           []TopicTerm{{Term: strings.Repeat("pneumonoultramicroscopic", 12), Stem: "p", Weight: 2.5}},
			Representatives: []DocRef{{ID: "a", Confidence: 1, Snippet: "x"}}}},
	}

	bare := &Run{}

	for _, tc := range []struct {
		name   string
		run    *Run
		want   []string
		absent []string
	}{
		{"no labels", noLabels,
			[]string{"<h2>Topics in detail</h2>", "space</bdi></th>"},
			[]string{`id="labels"`, "Majority label", `href="#labels"`, "<dt>NMI</dt>", "mostly"}},
		{"k = 1, one trace point, all assigned, a very long word", one,
			[]string{"1 topics · every document was assigned", `<circle class="dot"`, "kullback-leibler objective",
				"final objective <strong class=\"num\">0.25</strong> after 0 iterations", `class="node" style="--h: 210"`,
				">2.50</td>", strings.Repeat("pneumonoultramicroscopic", 12)},
			[]string{`class="edge"`, "(log scale)"}},
		{"nothing at all", bare,
			[]string{"No objective trace was recorded.", "No timings were recorded.", "No parameters were recorded.", "0 topics"},
			[]string{`id="map"`, `id="labels"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := render(t, tc.run)
			for _, w := range tc.want {
				if !strings.Contains(out, w) {
					t.Errorf("report lacks %q", w)
				}
			}
			for _, a := range tc.absent {
				if strings.Contains(out, a) {
					t.Errorf("report contains %q", a)
				}
			}
		})
	}
}

func TestWriteHTML(t *testing.T) {
	path := filepath.Join(t.TempDir(), "report.html")
	if err := WriteHTML(path, sampleRun()); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if want := render(t, sampleRun()); string(b) != want {
		t.Error("the written file differs from RenderHTML's output")
	}
	if err := WriteHTML(filepath.Join(t.TempDir(), "missing", "report.html"), sampleRun()); err == nil {
		t.Error("writing into a missing directory succeeded")
	}
}

func TestFormatting(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{count(0), "0"}, {count(999), "999"}, {count(1000), "1,000"}, {count(1234567), "1,234,567"}, {count(-12345), "-12,345"},
		{percent(0.1234), "12.3 %"}, {percent(1), "100.0 %"},
		{decimal(0.51249), "0.512"}, {decimal(-0.1), "-0.100"},
		{objective(1843.2071), "1,843"}, {objective(0.25), "0.25"}, {objective(12.345678), "12.35"}, {objective(2.5e9), "2.500e+09"}, {objective(0.0001234), "1.234e-04"}, {objective(0), "0"},
		{duration(420 * time.Microsecond), "420 µs"}, {duration(95 * time.Millisecond), "95 ms"}, {duration(2710 * time.Millisecond), "2.71 s"}, {duration(125 * time.Second), "2 min 05 s"},
		{clean("a\x00b\x1b[1mc\xffd\ne"), "a b [1mc\uFFFDd e"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

func TestWeightDecimals(t *testing.T) {
	for _, tc := range []struct {
		heaviest float64
		want     int
	}{{0.9, 3}, {0.05, 4}, {1, 2}, {12.5, 1}, {250, 0}, {0, 3}} {
		if got := weightDecimals(tc.heaviest); got != tc.want {
			t.Errorf("weightDecimals(%v) = %d, want %d", tc.heaviest, got, tc.want)
		}
	}
}

func TestTopicHue(t *testing.T) {
	seen := map[int]bool{}
	for id := range 20 {
		h := topicHue(id)
		if h < 0 || h >= 360 || h != topicHue(id) {
			t.Fatalf("topicHue(%d) = %d", id, h)
		}
		if id > 0 {
			if d := (h - topicHue(id-1) + 360) % 360; d < 60 || d > 300 {
				t.Errorf("topics %d and %d get close hues %d and %d", id-1, id, topicHue(id-1), h)
			}
		}
		seen[h] = true
	}
	if len(seen) != 20 {
		t.Errorf("20 topics got %d distinct hues", len(seen))
	}
}

func TestNiceTicks(t *testing.T) {
	for _, tc := range []struct {
		lo, hi float64
		n      int
		want   []float64
	}{
		{0, 40, 6, []float64{0, 10, 20, 30, 40}},
		{1843, 41843, 4, []float64{0, 10000, 20000, 30000, 40000, 50000}},
		{0.21, 0.78, 4, []float64{0.2, 0.4, 0.6, 0.8}},
		{5, 5, 4, []float64{4.6, 4.8, 5, 5.2, 5.4}},
	} {
		got := niceTicks(tc.lo, tc.hi, tc.n)
		if len(got) != len(tc.want) {
			t.Errorf("niceTicks(%v, %v) = %v, want %v", tc.lo, tc.hi, got, tc.want)
			continue
		}
		for i := range got {
			if d := got[i] - tc.want[i]; d > 1e-9 || d < -1e-9 {
				t.Errorf("niceTicks(%v, %v) = %v, want %v", tc.lo, tc.hi, got, tc.want)
				break
			}
		}
	}
}

func TestTraceChartScale(t *testing.T) {
	flat := []TracePoint{{0, 110, 0}, {1, 100, 0}, {2, 99, 0}}
	steep := []TracePoint{{0, 5000, 0}, {1, 100, 0}, {2, 99, 0}}
	if c := traceChart(flat, "frobenius"); c.Log || len(c.Dots) != 3 {
		t.Errorf("flat trace: log = %v, %d dots", c.Log, len(c.Dots))
	}
	c := traceChart(steep, "frobenius")
	if !c.Log {
		t.Fatal("a trace spanning 50x is not on a log scale")
	}
	// log axis from 10 to 10,000: 5000 sits at log10(5000)-1 = 2.699 of 3 decades.
	if want := round1(traceBo - (2.69897/3)*(traceBo-traceTop)); c.Dots[0].Y != want {
		t.Errorf("first point at y = %v, want %v", c.Dots[0].Y, want)
	}
	if c.Dots[0].X != traceLeft || c.Dots[2].X != traceRight {
		t.Errorf("points span x %v..%v, want %v..%v", c.Dots[0].X, c.Dots[2].X, traceLeft, traceRight)
	}
	if traceChart(nil, "") != nil {
		t.Error("an empty trace drew a chart")
	}
}

func TestTopicMapLayout(t *testing.T) {
	run := sampleRun()
	m := topicMap(run, topicViews(run))
	if m == nil || len(m.Nodes) != 4 {
		t.Fatalf("map = %+v", m)
	}
	for i, n := range m.Nodes {
		if n.X-n.R < 0 || n.X+n.R > mapW || n.Y-n.R < 0 || n.Y+n.R > mapH {
			t.Errorf("topic %d's circle (%v, %v, r %v) leaves the chart", i, n.X, n.Y, n.R)
		}
	}
	// topic 1 is the largest, topic 3 empty; topic 0 is left of topic 1 and above topic 2 (y grows downwards).
	if !(m.Nodes[1].R > m.Nodes[0].R && m.Nodes[0].R > m.Nodes[3].R) || !m.Nodes[3].Empty {
		t.Errorf("radii %v %v %v %v, empty %v", m.Nodes[0].R, m.Nodes[1].R, m.Nodes[2].R, m.Nodes[3].R, m.Nodes[3].Empty)
	}
	if !(m.Nodes[0].X < m.Nodes[1].X && m.Nodes[0].Y < m.Nodes[2].Y) {
		t.Errorf("positions do not follow TopicMap: %+v", m.Nodes)
	}
	// each topic's most similar: 0-2, 1-0, 2-3, 3-2 -> three distinct edges
	if len(m.Edges) != 3 {
		t.Errorf("%d edges, want 3", len(m.Edges))
	}
	wide := wideRun(20)
	a, b := topicMap(wide, topicViews(wide)), topicMap(wide, topicViews(wide))
	for i := range a.Nodes {
		if a.Nodes[i] != b.Nodes[i] {
			t.Fatalf("label placement is not deterministic: %+v vs %+v", a.Nodes[i], b.Nodes[i])
		}
	}
	run.TopicMap = run.TopicMap[:2]
	if topicMap(run, topicViews(run)) != nil {
		t.Error("a map with the wrong number of positions was drawn")
	}
}

// TestRenderHTMLIsolatesRightToLeftText checks that a file name holding a
// right-to-left override (U+202E) cannot reverse the text around it: every
// untrusted string in HTML text sits in a <bdi> (or a dir="auto" block).
func TestRenderHTMLIsolatesRightToLeftText(t *testing.T) {
	const rtl = "invoice\u202Etxt.exe"
	run := sampleRun()
	run.Corpus = rtl
	tp := &run.Topics[0]
	tp.Terms[0] = TopicTerm{Term: rtl, Stem: rtl, Weight: 1}
	tp.Representatives[0] = DocRef{ID: rtl, Label: rtl, Confidence: 0.5, Snippet: rtl}
	run.Scores.Labels[0] = rtl
	out := render(t, run)
	for i := 0; ; {
		j := strings.Index(out[i:], rtl)
		if j < 0 {
			break
		}
		at := i + j
		before := out[max(0, at-40):at]
		wide := out[max(0, at-300):at]
		inSVGText := strings.LastIndex(wide, "<text") > strings.LastIndex(wide, "</text>") // isolated by the CSS rule on svg text
		if !strings.HasSuffix(before, "<bdi>") && !strings.HasSuffix(before, `dir="auto">`) && !strings.HasSuffix(before, `title="`) && !strings.Contains(before, "<title>") && !strings.HasSuffix(before, "stem: ") && !inSVGText {
			t.Errorf("right-to-left text not isolated after %q", before)
		}
		i = at + len(rtl)
	}
}
