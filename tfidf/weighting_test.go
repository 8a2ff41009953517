package tfidf

import (
	"strings"
	"testing"
)

func TestValidate(t *testing.T) {
	tests := []struct {
		name    string
		w       Weighting
		wantErr string // "" for valid
	}{
		{"zero value", Weighting{}, ""},
		{"all set", Weighting{TFBinary, IDFNone, NormL1}, ""},
		{"bad tf", Weighting{TF: "log"}, `tfidf: unknown tf "log" (choose raw, sublinear, binary)`},
		{"bad idf", Weighting{IDF: "prob"}, `tfidf: unknown idf "prob" (choose smooth, none)`},
		{"bad norm", Weighting{Norm: "max"}, `tfidf: unknown norm "max" (choose l2, l1, none)`},
		{"case matters in models", Weighting{Norm: "L2"}, `unknown norm "L2"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.w.Validate()
			if tt.wantErr == "" {
				if err != nil {
					t.Errorf("Validate = %v, want nil", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("Validate = %v, want %q", err, tt.wantErr)
			}
		})
	}
	if _, err := Fit(Weighting{TF: "log"}, tinyVocab); err == nil {
		t.Error("Fit accepted an unknown tf")
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		in      string
		tf      TF
		idf     IDF
		norm    Norm
		tfErr   bool
		idfErr  bool
		normErr bool
	}{
		{in: "", tf: TFSublinear, idf: IDFSmooth, norm: NormL2},
		{in: "none", tfErr: true, idf: IDFNone, norm: NormNone},
		{in: " Raw ", tf: TFRaw, idfErr: true, normErr: true},
		{in: "L1", tfErr: true, idfErr: true, norm: NormL1},
		{in: "binary", tf: TFBinary, idfErr: true, normErr: true},
		{in: "smooth", tfErr: true, idf: IDFSmooth, normErr: true},
	}
	for _, tt := range tests {
		tf, err := ParseTF(tt.in)
		if (err != nil) != tt.tfErr || (err == nil && tf != tt.tf) {
			t.Errorf("ParseTF(%q) = %q, %v", tt.in, tf, err)
		}
		idf, err := ParseIDF(tt.in)
		if (err != nil) != tt.idfErr || (err == nil && idf != tt.idf) {
			t.Errorf("ParseIDF(%q) = %q, %v", tt.in, idf, err)
		}
		norm, err := ParseNorm(tt.in)
		if (err != nil) != tt.normErr || (err == nil && norm != tt.norm) {
			t.Errorf("ParseNorm(%q) = %q, %v", tt.in, norm, err)
		}
	}
}
