package opendata_test

import (
	"bytes"
	"encoding/xml"
	"os"
	"os/exec"
	"strings"
	"testing"

	"protosite/site/opendata"
)

// The real content's reference in RIS and BibTeX: the facts site.yaml
// gives, field by field.
func TestRISAndBibTeXReferences(t *testing.T) {
	s, g := load(t)
	files := dataFiles(t, s, g)
	url := strings.TrimSuffix(s.Config.BaseURL, "/") + "/"
	wantRIS := "TY  - STAT\r\n" +
		"TI  - " + s.Config.TreatyTitle + "\r\n" +
		"ST  - Smuggling of Migrants Protocol\r\n" +
		"T2  - United Nations, Treaty Series\r\n" +
		"VL  - 2241\r\n" +
		"SP  - 507\r\n" +
		"PY  - 2000\r\n" +
		"DA  - 2000/11/15/\r\n" +
		"LA  - en\r\n" +
		"UR  - " + url + "\r\n" +
		"ER  - \r\n"
	if got := string(files[opendata.ProtocolRIS]); got != wantRIS {
		t.Errorf("%s:\n%s\nwant:\n%s", opendata.ProtocolRIS, got, wantRIS)
	}
	wantBib := "@misc{smuggling-of-migrants-protocol,\n" +
		"  title = {{" + s.Config.TreatyTitle + "}},\n" +
		"  shorttitle = {{Smuggling of Migrants Protocol}},\n" +
		"  howpublished = {United Nations, Treaty Series, vol.~2241, p.~507},\n" +
		"  year = {2000},\n" +
		"  month = nov,\n" +
		"  date = {2000-11-15},\n" +
		"  url = {" + url + "},\n" +
		"}\n"
	if got := string(files[opendata.ProtocolBibTeX]); got != wantBib {
		t.Errorf("%s:\n%s\nwant:\n%s", opendata.ProtocolBibTeX, got, wantBib)
	}
}

// Without the series or the dates, neither file has a volume, a page or a
// date, rather than made-up ones; characters TeX reads as commands are
// escaped, and a title on two lines is one line in RIS.
func TestRISAndBibTeXLeaveOutWhatSiteYAMLLacks(t *testing.T) {
	s, g := load(t)
	cfg := *s.Config
	cfg.TreatySeries, cfg.Adopted = "", ""
	cfg.TreatyTitle = "Protocol on 100% of {Things}\n& Other_Matters #1"
	s.Config = &cfg
	files := dataFiles(t, s, g)
	ris, bib := string(files[opendata.ProtocolRIS]), string(files[opendata.ProtocolBibTeX])
	for _, tag := range []string{"T2  -", "VL  -", "SP  -", "PY  -", "DA  -"} {
		if strings.Contains(ris, tag) {
			t.Errorf("RIS without treaty_series and adopted has %s:\n%s", tag, ris)
		}
	}
	if want := "TI  - Protocol on 100% of {Things} & Other_Matters #1\r\n"; !strings.Contains(ris, want) {
		t.Errorf("RIS lacks %q:\n%s", want, ris)
	}
	for _, field := range []string{"howpublished", "year", "month", "date"} {
		if strings.Contains(bib, field+" =") {
			t.Errorf("BibTeX without treaty_series and adopted has %s:\n%s", field, bib)
		}
	}
	if want := `title = {{Protocol on 100\% of \{Things\} \& Other\_Matters \#1}},`; !strings.Contains(bib, want) {
		t.Errorf("BibTeX lacks %q:\n%s", want, bib)
	}
}

// mods is what bibutils makes of a reference: MODS XML, the Library of
// Congress's bibliographic format.
type mods struct {
	Titles []struct {
		Type  string `xml:"type,attr"`
		Title string `xml:"title"`
	} `xml:"mods>titleInfo"`
	Date      string   `xml:"mods>originInfo>dateIssued"`
	Publisher string   `xml:"mods>originInfo>publisher"`
	Genres    []string `xml:"mods>genre"`
	Details   []struct {
		Type   string `xml:"type,attr"`
		Number string `xml:"number"`
	} `xml:"mods>part>detail"`
	URL string `xml:"mods>location>url"`
}

// readWithBibutils converts a reference with one of bibutils' readers,
// which reference tools on many systems use, and decodes its MODS.
func readWithBibutils(t *testing.T, tool string, ref []byte) mods {
	t.Helper()
	path, err := exec.LookPath(tool)
	if err != nil {
		msg := "needs bibutils (Debian package bibutils)"
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	cmd := exec.Command(path)
	cmd.Stdin = bytes.NewReader(ref)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v\n%s", tool, err, stderr.String())
	}
	if !strings.Contains(stderr.String(), "Processed 1 references") {
		t.Fatalf("%s read no reference: %s", tool, stderr.String())
	}
	var m mods
	if err := xml.Unmarshal(bytes.TrimPrefix(out, []byte("\ufeff")), &m); err != nil {
		t.Fatalf("%s wrote MODS that does not decode: %v\n%s", tool, err, out)
	}
	return m
}

// bibutils reads the RIS record as legislation, with its title, short
// title, day, volume, first page and address.
func TestRISReadByBibutils(t *testing.T) {
	s, g := load(t)
	m := readWithBibutils(t, "ris2xml", dataFiles(t, s, g)[opendata.ProtocolRIS])
	url := strings.TrimSuffix(s.Config.BaseURL, "/") + "/"
	titles := map[string]string{}
	for _, ti := range m.Titles {
		titles[ti.Type] = ti.Title
	}
	details := map[string]string{}
	for _, d := range m.Details {
		details[d.Type] = d.Number
	}
	for _, f := range []struct{ name, got, want string }{
		{"title", titles[""], s.Config.TreatyTitle},
		{"abbreviated title", titles["abbreviated"], "Smuggling of Migrants Protocol"},
		{"date issued", m.Date, "2000-11-15"},
		{"volume", details["volume"], "2241"},
		{"page", details["page"], "507"},
		{"url", m.URL, url},
	} {
		if f.got != f.want {
			t.Errorf("%s is %q, want %q", f.name, f.got, f.want)
		}
	}
	if !strings.Contains(strings.Join(m.Genres, ","), "legislation") {
		t.Errorf("genres %q, want legislation among them", m.Genres)
	}
}

// bibutils reads the BibTeX entry with its title, month and year, where
// it is published and its address.
func TestBibTeXReadByBibutils(t *testing.T) {
	s, g := load(t)
	m := readWithBibutils(t, "bib2xml", dataFiles(t, s, g)[opendata.ProtocolBibTeX])
	var title string
	for _, ti := range m.Titles {
		if ti.Type == "" {
			title = ti.Title
		}
	}
	for _, f := range []struct{ name, got, want string }{
		{"title", title, s.Config.TreatyTitle},
		{"date issued", m.Date, "2000-11"},
		{"publisher", m.Publisher, "United Nations, Treaty Series, vol. 2241, p. 507"},
		{"url", m.URL, strings.TrimSuffix(s.Config.BaseURL, "/") + "/"},
	} {
		if f.got != f.want {
			t.Errorf("%s is %q, want %q", f.name, f.got, f.want)
		}
	}
}
