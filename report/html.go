package report

import (
	"embed"
	"fmt"
	"html/template"
	"io"

	"github.com/topicmill/topicmill/internal/atomicfile"
)

//go:embed templates/report.html.tmpl templates/report.css
var templateFS embed.FS

// reportTemplate is the parsed report page; the stylesheet is parsed as a
// template of its own (static text, no data) so it is inlined without any
// typed-string escape hatch.
var reportTemplate = template.Must(parseReport())

// parseReport parses the embedded page and stylesheet.
func parseReport() (*template.Template, error) {
	t, err := template.New("report.html.tmpl").ParseFS(templateFS, "templates/report.html.tmpl")
	if err != nil {
		return nil, err
	}
	css, err := templateFS.ReadFile("templates/report.css")
	if err != nil {
		return nil, err
	}
	if _, err := t.New("css").Parse(string(css)); err != nil {
		return nil, err
	}
	return t, nil
}

// RenderHTML writes the run as one self-contained HTML page (inline CSS and
// SVG, no script, nothing fetched from the network) so it can be mailed,
// opened offline and printed.
func RenderHTML(w io.Writer, run *Run) error {
	if err := reportTemplate.Execute(w, newPage(run)); err != nil {
		return fmt.Errorf("render html report: %w", err)
	}
	return nil
}

// WriteHTML renders the run's report into path atomically: an interrupted
// run leaves the previous file (or none), never half a page.
func WriteHTML(path string, run *Run) error {
	return atomicfile.Write(path, func(w io.Writer) error { return RenderHTML(w, run) })
}
