package opendata_test

import (
	"bytes"
	"encoding/json"
	"html/template"
	"strings"
	"testing"

	"protosite/site/akn"
	"protosite/site/content"
	"protosite/site/opendata"
)

type ldThing struct {
	Context      string    `json:"@context"`
	Type         string    `json:"@type"`
	Name         string    `json:"name"`
	Identifier   string    `json:"legislationIdentifier"`
	AKN          string    `json:"identifier"`
	URL          string    `json:"url"`
	Jurisdiction string    `json:"legislationJurisdiction"`
	Date         string    `json:"legislationDate"`
	IsPartOf     *ldThing  `json:"isPartOf"`
	Transposes   []ldThing `json:"legislationTransposes"`
	HasPart      []ldThing `json:"hasPart"`
}

func jsonLD(t *testing.T, s *content.Site, d *content.Doc) (template.JS, ldThing) {
	t.Helper()
	js, err := opendata.JSONLD(s, d)
	if err != nil {
		t.Fatalf("%s: %v", d.URL, err)
	}
	var v ldThing
	if err := json.Unmarshal([]byte(js), &v); err != nil {
		t.Fatalf("%s: %v in %s", d.URL, err, js)
	}
	return js, v
}

func TestJSONLDArticles(t *testing.T) {
	s, _ := load(t)
	base := strings.TrimSuffix(s.Config.BaseURL, "/")
	for _, d := range s.Articles {
		_, v := jsonLD(t, s, d)
		if v.Context != "https://schema.org" || v.Type != "Legislation" || v.Identifier != d.Root.Label() || v.AKN != d.Root.String() || v.URL != base+d.URL || v.Name != d.Title {
			t.Errorf("%s: %+v", d.URL, v)
		}
		// The treaty carries its date of adoption, from site.yaml.
		if v.IsPartOf == nil || v.IsPartOf.Name != s.Config.TreatyTitle || v.IsPartOf.Date != "2000-11-15" {
			t.Errorf("%s: isPartOf %+v, want the treaty, adopted on 2000-11-15", d.URL, v.IsPartOf)
		}
	}
	for _, d := range []*content.Doc{nil, s.Testimonium, s.Doc("/about/")} {
		if js, err := opendata.JSONLD(s, d); js != "" || err != nil {
			t.Errorf("JSONLD of %v = %q, %v; want none", d, js, err)
		}
	}
}

func TestJSONLDLegislation(t *testing.T) {
	s, g := load(t)
	base := strings.TrimSuffix(s.Config.BaseURL, "/")
	for _, d := range s.Legislation {
		_, v := jsonLD(t, s, d)
		if v.Type != "Legislation" || v.URL != base+d.URL || v.Jurisdiction != s.Countries.Get(d.Legislation.Country).Name {
			t.Errorf("%s: %+v", d.URL, v)
		}
		if len(v.Transposes) == 0 || len(v.HasPart) != len(d.Legislation.Provisions) {
			t.Errorf("%s: %d transposed, %d parts", d.URL, len(v.Transposes), len(v.HasPart))
		}
		for _, part := range append([]ldThing{v}, v.HasPart...) {
			for _, tr := range part.Transposes {
				id, err := akn.Parse(tr.AKN)
				if err != nil || !g.Has(id) || tr.URL != base+g.URL(id) || tr.Identifier != id.Label() || tr.Type != "Legislation" {
					t.Errorf("%s: transposes %+v", d.URL, tr)
				}
			}
		}
	}
}

// TestJSONLDCannotLeaveScript puts a title that would close the script
// element into a page's JSON-LD and the template snippet base.html uses.
func TestJSONLDCannotLeaveScript(t *testing.T) {
	s, _ := load(t)
	law := *s.Legislation[0]
	law.Title = `</script><script>alert("x")</script><!-- & "quotes"`
	js, v := jsonLD(t, s, &law)
	if strings.ContainsAny(string(js), "<>") {
		t.Errorf("JSON-LD holds < or >: %s", js)
	}
	if v.Name != law.Title {
		t.Errorf("name %q, want %q", v.Name, law.Title)
	}
	tmpl := template.Must(template.New("head").Parse(`{{with .}}<script type="application/ld+json">{{.}}</script>{{end}}`))
	var b bytes.Buffer
	if err := tmpl.Execute(&b, js); err != nil {
		t.Fatal(err)
	}
	if want := `<script type="application/ld+json">` + string(js) + `</script>`; b.String() != want {
		t.Errorf("the template changed the JSON:\n got  %s\n want %s", b.String(), want)
	}
}
