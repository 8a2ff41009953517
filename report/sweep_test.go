package report

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"
)

// sampleSweep is a labeled corpus sweep over four ks, three seeds each,
// with the numbers of a real one (20news-bydate at k = 5, 10, 20, 40).
func sampleSweep() *Sweep {
	nan := math.NaN()
	return &Sweep{
		Version: "v0.3.0", Source: "testdata/news", Rows: 61188, Cols: 18846, Seeds: 3, Labeled: true,
		Parameters: map[string]string{"k": "[5 10 20 40]", "seeds": "3", "loss": "kullback-leibler"},
		Points: []SweepPoint{
			{K: 5, Objective: 651776, Coherence: 0.151, CoherenceSE: 0.03, Stability: 0.41, Cophenetic: nan, NMI: 0.517, ARI: 0.242, Iterations: 18, Seconds: 5.97},
			{K: 10, Objective: 617466, Coherence: 0.220, CoherenceSE: 0.02, Stability: 0.52, Cophenetic: nan, NMI: 0.510, ARI: 0.304, Iterations: 17, Seconds: 8.41},
			{K: 20, Objective: 575379, Coherence: 0.278, CoherenceSE: 0.015, Stability: 0.55, Cophenetic: nan, NMI: 0.549, ARI: 0.402, Iterations: 19, Seconds: 10.2},
			{K: 40, Objective: 532986, Coherence: 0.275, CoherenceSE: 0.01, Stability: nan, Cophenetic: nan, NMI: 0.516, ARI: 0.372, Iterations: 28, Seconds: 12.48},
		},
		Recommended: 20,
		Rule:        "the smallest k whose mean NPMI coherence is within one standard error of the highest",
		Reason:      "k = 20 has the highest coherence, 0.278 ± 0.015, and no smaller k comes within one standard error of it (k = 10: 0.220)",
		Timings:     []Timing{{"read and tokenize", 3100 * time.Millisecond}, {"fits", 37 * time.Second}},
	}
}

func TestSweepSummary(t *testing.T) {
	var b bytes.Buffer
	if err := SweepSummary(&b, sampleSweep()); err != nil {
		t.Fatal(err)
	}
	want := `   k  objective  coherence   ± se  stability  cophenetic    NMI    ARI  iterations  s/fit
   5     651776      0.151  0.030      0.410           -  0.517  0.242          18   5.97
  10     617466      0.220  0.020      0.520           -  0.510  0.304          17   8.41
  20     575379      0.278  0.015      0.550           -  0.549  0.402          19  10.20  ◀
  40     532986      0.275  0.010          -           -  0.516  0.372          28  12.48
recommended k = 20: k = 20 has the highest coherence, 0.278 ± 0.015, and no smaller k comes within one standard error of it (k = 10: 0.220)
`
	if b.String() != want {
		t.Errorf("summary:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestSweepParquet(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sweep.parquet")
	s := sampleSweep()
	if err := WriteSweep(path, s); err != nil {
		t.Fatal(err)
	}
	rows, err := parquet.ReadFile[SweepRow](path)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 {
		t.Fatalf("%d rows, want 4", len(rows))
	}
	for i, tc := range []struct {
		k           int32
		stability   float64 // NaN: null
		recommended bool
	}{{5, 0.41, false}, {10, 0.52, false}, {20, 0.55, true}, {40, math.NaN(), false}} {
		r := rows[i]
		if r.K != tc.k || r.Recommended != tc.recommended || r.Cophenetic != nil || *r.NMI != s.Points[i].NMI {
			t.Errorf("row %d = k %d, recommended %v, cophenetic %v, NMI %v; want k %d, %v, null, %v", i, r.K, r.Recommended, r.Cophenetic, *r.NMI, tc.k, tc.recommended, s.Points[i].NMI)
		}
		if math.IsNaN(tc.stability) != (r.Stability == nil) || r.Stability != nil && *r.Stability != tc.stability {
			t.Errorf("row %d: stability %v, want %v", i, r.Stability, tc.stability)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := parquet.OpenFile(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := f.Lookup("topicmill.recommended_k"); v != "20" {
		t.Errorf("footer recommended_k = %q, want 20", v)
	}
}

func TestSweepHTML(t *testing.T) {
	s := sampleSweep()
	s.Source = `<script>alert("x")</script>`
	var b bytes.Buffer
	if err := RenderSweepHTML(&b, s); err != nil {
		t.Fatal(err)
	}
	html := b.String()
	for _, want := range []string{
		"Recommended k = <span class=\"num\">20</span>",
		"&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;",
		`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`,
		"<h3>Coherence</h3>", "<h3>Stability</h3>", "<h3>Labels</h3>", "<h3>Objective</h3>", "<h3>Time</h3>",
		"k = 20: NMI 0.549",
		`<tr class="chosen"><td class="num">20</td>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	for _, bad := range []string{"<script>", "http://", "https://", "NaN"} {
		if strings.Contains(html, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	// Stability has one value missing (k = 40): three markers; the
	// cophenetic series, never measured, is not drawn.
	if n := len(regexp.MustCompile(`k = \d+: stability \(ARI\)`).FindAllString(html, -1)); n != 3 {
		t.Errorf("%d stability markers, want 3", n)
	}
	if strings.Contains(html, ": cophenetic") {
		t.Error("the unmeasured cophenetic series is drawn")
	}
	// A matrix sweep has no coherence and no labels.
	s.Matrix, s.Labeled = true, false
	for i := range s.Points {
		s.Points[i].Coherence, s.Points[i].NMI, s.Points[i].ARI = math.NaN(), math.NaN(), math.NaN()
	}
	b.Reset()
	if err := RenderSweepHTML(&b, s); err != nil {
		t.Fatal(err)
	}
	for _, gone := range []string{"<h3>Coherence</h3>", "<h3>Labels</h3>", "<th scope=\"col\">coherence</th>"} {
		if strings.Contains(b.String(), gone) {
			t.Errorf("matrix sweep page shows %q", gone)
		}
	}
}

func TestKChartAxis(t *testing.T) {
	tests := []struct {
		ks   []float64
		rec  float64 // the recommended k
		log  bool
		xs   []float64 // tick positions
		mark float64
	}{
		// 40/5 > 4: log k, so 10 and 20 sit a third and two thirds along.
		{[]float64{5, 10, 20, 40}, 20, true, []float64{56, 153.3, 250.7, 348}, 250.7},
		{[]float64{3, 6, 9}, 6, false, []float64{56, 202, 348}, 202},
	}
	for _, tc := range tests {
		c := newKChart("t", "", tc.ks, tc.rec, []series{{"s", []float64{1, 2, 3, 4}[:len(tc.ks)]}})
		if c.LogK != tc.log {
			t.Errorf("ks %v: log %v, want %v", tc.ks, c.LogK, tc.log)
		}
		for i, x := range tc.xs {
			if c.XTicks[i].Pos != x {
				t.Errorf("ks %v: tick %d at %v, want %v", tc.ks, i, c.XTicks[i].Pos, x)
			}
		}
		if c.MarkX != tc.mark {
			t.Errorf("ks %v: mark at %v, want %v", tc.ks, c.MarkX, tc.mark)
		}
	}
	if newKChart("t", "", []float64{2, 3}, 2, []series{{"s", []float64{math.NaN(), math.NaN()}}}) != nil {
		t.Error("a chart of nothing measured was laid out")
	}
}

// TestSweepInChromium opens sweep.html in headless Chromium, at desktop
// and phone sizes: no console error, nothing fetched, a screenshot to look at.
func TestSweepInChromium(t *testing.T) {
	bin := chromium(t)
	page := filepath.Join(t.TempDir(), "sweep.html")
	if err := WriteSweepHTML(page, sampleSweep()); err != nil {
		t.Fatal(err)
	}
	shots := screenshotDir(t)
	for _, tc := range []struct {
		name          string
		width, height int64
	}{{"desktop", 1280, 1400}, {"phone", 390, 844}} {
		t.Run(tc.name, func(t *testing.T) {
			res := load(t, bin, "file://"+page, view{width: tc.width, height: tc.height, fullPage: true})
			if len(res.consoleErrors) > 0 {
				t.Errorf("console errors: %q", res.consoleErrors)
			}
			if bad := offline(res.requests); len(bad) > 0 {
				t.Errorf("network requests: %q", bad)
			}
			if want := "testdata/news · topicmill sweep"; res.title != want {
				t.Errorf("title = %q, want %q", res.title, want)
			}
			if res.loadTime > 2*time.Second {
				t.Errorf("load took %v, want under 2 s", res.loadTime)
			}
			shot := filepath.Join(shots, "sweep-"+tc.name+".png")
			if err := os.WriteFile(shot, res.screenshot, 0o644); err != nil {
				t.Fatal(err)
			}
		})
	}
}
