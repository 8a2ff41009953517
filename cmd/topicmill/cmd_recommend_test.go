package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// tvRatingsCSV is the lecture's TV-show table as ratings, its zeros left out.
const tvRatingsCSV = `user,item,rating
Jai,F.R.I.E.N.D.S,4.8
Jai,TBBT,4.7
Jai,Modern Family,4.6
Jai,Quantico,2.1
PB,F.R.I.E.N.D.S,4
PB,TBBT,4.1
PB,Black Mirror,4.8
PB,Sacred Games,4.9
PB,GoT,4.7
PB,Quantico,1.5
Arnab,TBBT,3.5
Arnab,Black Mirror,4
Arnab,GoT,4.6
Arnab,Quantico,2.5
Abhi,F.R.I.E.N.D.S,4.9
Abhi,TBBT,4
Abhi,GoT,4.4
Diya,F.R.I.E.N.D.S,2.1
Diya,TBBT,4.4
Diya,Black Mirror,4.7
Diya,GoT,4.9
`

func TestInterspersedNestedCommands(t *testing.T) {
	app := newApp()
	cases := []struct{ in, want []string }{
		{[]string{"topicmill", "recommend", "fit", "R.csv", "--k", "2", "--out", "o"}, []string{"topicmill", "recommend", "fit", "--k", "2", "--out", "o", "R.csv"}},
		{[]string{"topicmill", "recommend", "eval", "R.tsv", "--json", "--folds=3"}, []string{"topicmill", "recommend", "eval", "--json", "--folds=3", "R.tsv"}},
		{[]string{"topicmill", "recommend", "predict", "P.csv", "--model", "m", "--knn", "3"}, []string{"topicmill", "recommend", "predict", "--model", "m", "--knn", "3", "P.csv"}},
		{[]string{"topicmill", "recommend", "top", "--user", "Jai"}, []string{"topicmill", "recommend", "top", "--user", "Jai"}},
		{[]string{"topicmill", "recommend", "--help"}, []string{"topicmill", "recommend", "--help"}},
	}
	for _, c := range cases {
		if got := interspersed(app, c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("interspersed(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestRecommendTVShows fits the lecture's table with its zeros as missing
// (flags after the file), and uses the model: predict (with an unknown
// user and item flagged), top, similar, kNN and eval --json.
func TestRecommendTVShows(t *testing.T) {
	dir := t.TempDir()
	ratings := filepath.Join(dir, "tv.csv")
	pairs := filepath.Join(dir, "pairs.csv")
	os.WriteFile(ratings, []byte(tvRatingsCSV), 0o644)
	os.WriteFile(pairs, []byte("user,item\nJai,Black Mirror\nNew,GoT\nJai,Squid Game\n"), 0o644)
	model := filepath.Join(dir, "model")
	if _, err := stdout(t, "recommend", "fit", ratings, "--k", "2", "--scale", "1,5", "--out", model); err != nil {
		t.Fatal(err)
	}
	out, err := stdout(t, "recommend", "predict", pairs, "--model", model)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 4 || lines[0] != "user,item,rating,note" || !strings.HasPrefix(lines[1], "Jai,Black Mirror,") ||
		!strings.HasSuffix(lines[2], ",unknown user") || !strings.HasSuffix(lines[3], ",unknown item") {
		t.Errorf("predict printed %q", out)
	}
	out, err = stdout(t, "recommend", "predict", pairs, "--model", model, "--knn", "3")
	// The masked model's three shows nearest Black Mirror among Jai's are
	// TBBT 4.7, Quantico 2.1 and Modern Family 4.6: (5·4.7 + 4·2.1 + 3·4.6)/12.
	if err != nil || !strings.Contains(out, "Jai,Black Mirror,3.8083,\n") {
		t.Errorf("predict --knn 3: %q, %v; want Jai's Black Mirror at 3.8083", out, err)
	}
	out, err = stdout(t, "recommend", "top", "--model", model, "--user", "Jai", "--n", "10")
	if err != nil || strings.Count(out, "\n") != 3 || strings.Contains(out, "TBBT") {
		t.Errorf("top for Jai (3 unrated shows): %q, %v", out, err)
	}
	out, err = stdout(t, "recommend", "similar", "--model", model, "--item", "Black Mirror", "--n", "3")
	if err != nil || strings.Count(out, "\n") != 3 {
		t.Errorf("similar: %q, %v", out, err)
	}
	out, err = stdout(t, "recommend", "eval", ratings, "--k", "2", "--folds", "3", "--json")
	if err != nil {
		t.Fatal(err)
	}
	lines = strings.Split(strings.TrimSpace(out), "\n")
	var res struct {
		RMSE  *float64 `json:"rmse"`
		MAE   *float64 `json:"mae"`
		FitS  *float64 `json:"fit_s_per_fold"`
		Folds []struct {
			Test int `json:"test"`
		} `json:"folds"`
	}
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &res); err != nil || res.RMSE == nil || res.MAE == nil || res.FitS == nil || len(res.Folds) != 3 || res.Folds[0].Test != 7 {
		t.Errorf("eval --json: last line %q (%v)", lines[len(lines)-1], err)
	}
	if len(lines) != 1 {
		t.Errorf("eval --json printed %q, want the one JSON line", out)
	}
	out, err = stdout(t, "recommend", "eval", ratings, "--k", "2", "--folds", "3")
	if lines := strings.Split(strings.TrimSpace(out), "\n"); err != nil || len(lines) != 4 || !strings.HasPrefix(lines[3], "mean:") {
		t.Errorf("eval printed %q (%v), want 3 folds and the mean", out, err)
	}
}

// TestRecommendBadCalls checks that bad calls and unusable input exit
// with status 2 and say what is wrong.
func TestRecommendBadCalls(t *testing.T) {
	dir := t.TempDir()
	ratings := filepath.Join(dir, "tv.csv")
	os.WriteFile(ratings, []byte(tvRatingsCSV), 0o644)
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("user,item,rating\na,x,4\na,x,5\n"), 0o644)
	model := filepath.Join(dir, "model")
	if err := topicmill(t, "recommend", "fit", ratings, "--k", "2", "--out", model); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"recommend"}, "needs a command"},
		{[]string{"recommend", "bogus"}, `unknown command "recommend bogus"`},
		{[]string{"recommend", "fit"}, "needs one ratings file"},
		{[]string{"recommend", "fit", ratings, "--k", "0"}, "--k must be at least 1"},
		{[]string{"recommend", "fit", ratings, "--bogus"}, "flag provided but not defined"},
		{[]string{"recommend", "fit", ratings, "--scale", "5,1"}, "scale"},
		{[]string{"recommend", "fit", ratings, "--scale", "1,4.5", "--out", model}, "tv.csv:2: rating 4.8 is outside the scale 1,4.5"},
		{[]string{"recommend", "fit", ratings, "--l2", "-1"}, "--l2 must be a positive number"},
		{[]string{"recommend", "fit", ratings, "--rating-col", "stars"}, `no column "stars"`},
		{[]string{"recommend", "eval", bad}, `bad.csv:3: user "a" rated item "x" twice (first on line 2)`},
		{[]string{"recommend", "eval", ratings, "--folds", "1"}, "1 folds"},
		{[]string{"recommend", "top", "--user", "Jai"}, "needs --model"},
		{[]string{"recommend", "top", "--model", model}, "needs --user"},
		{[]string{"recommend", "top", "--model", model, "--user", "Nobody"}, `user "Nobody": not in the model`},
		{[]string{"recommend", "similar", "--model", model, "--item", "Squid Game"}, `item "Squid Game": not in the model`},
		{[]string{"recommend", "similar", "--model", dir, "--item", "GoT"}, "recommender.json"},
		{[]string{"recommend", "predict", ratings, "--model", model, "--knn", "-1"}, "--knn must be 0 or more"},
	}
	for _, c := range cases {
		err := topicmill(t, c.args...)
		if err == nil || exitCode(err) != exitInput || !strings.Contains(err.Error(), c.want) {
			t.Errorf("topicmill %q: err = %v (exit %d), want exit 2 and %q", c.args, err, exitCode(err), c.want)
		}
	}
}
