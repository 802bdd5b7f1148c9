// The query string: read as bleve's lexer and grammar read it, into
// clauses, with the errors the server gives.

  function QueryError(msg) { this.message = msg; }
  function unreadable(msg) { return new QueryError("the query cannot be read: " + msg); }

  var RESERVED = "+-=&|><!(){}[]^\"~*?:\\/ ";
  var SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
  var DIGIT = /\p{Nd}/u;

  // lex splits a query string into tokens as bleve's lexer does
  // (search/query/query_string_lex.go).
  function lex(q) {
    var chars = Array.from(q), i = 0, out = [], buf = "", esc = false, dot = false;
    function emit(t) { out.push({ t: t, s: buf }); buf = ""; esc = false; dot = false; }
    function unescape(c) { return RESERVED.indexOf(c) >= 0 ? c : "\\" + c; }
    function ends(c) { return c === " " || c === ":" || c === "^" || c === "~"; }
    var state = "start";
    while (true) {
      var eof = i >= chars.length, c = eof ? "" : chars[i];
      switch (state) {
        case "start":
          if (eof) { return out; }
          i++;
          if (esc) { esc = false; buf += unescape(c); state = "str"; } else if (c === "\"") { state = "phrase"; } else if ("+-:><=".indexOf(c) >= 0) {
            out.push({ t: { "+": "PLUS", "-": "MINUS", ":": "COLON", ">": "GREATER", "<": "LESS", "=": "EQUAL" }[c], s: "" });
            buf = ""; esc = false; dot = false;
          } else if (c === "^") { state = "boost"; } else if (c === "~") { state = "tilde"; } else if (c === "\\") { esc = true; } else if (DIGIT.test(c)) { buf += c; state = "num"; } else if (!SPACE.test(c)) { buf += c; state = "str"; } else { buf = ""; esc = false; dot = false; }
          break;
        case "phrase":
          if (eof) { throw unreadable("parse error: unterminated quote"); }
          i++;
          if (!esc && c === "\"") { emit("PHRASE"); state = "start"; } else if (!esc && c === "\\") { esc = true; } else if (esc) { esc = false; buf += unescape(c); } else { buf += c; }
          break;
        case "boost":
        case "tilde":
          if (eof || (!esc && c === " ")) {
            if (!buf) { buf = "1"; }
            emit(state === "boost" ? "BOOST" : "TILDE");
            state = "start";
            if (!eof) { i++; }
            break;
          }
          i++;
          if (!esc && c === "\\") { esc = true; } else if (esc) { esc = false; buf += unescape(c); } else { buf += c; }
          break;
        case "num":
        case "str":
          if (eof || (!esc && ends(c))) {
            emit(state === "num" ? "NUMBER" : "STRING");
            state = "start";
            if (!eof && c === " ") { i++; }
            break;
          }
          i++;
          if (!esc && c === "\\") { esc = true; } else if (esc) {
            esc = false; buf += unescape(c); state = "str";
          } else if (state === "num" && !dot && c === ".") { dot = true; buf += c; } else if (state === "num" && DIGIT.test(c)) { buf += c; } else { buf += c; state = "str"; }
          break;
      }
    }
  }

  // goFloat reads a boost or fuzziness as strconv.ParseFloat does, near
  // enough, and fails as the parser does.
  function goFloat(s, what) {
    if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) {
      throw unreadable("parse error: invalid " + what + " value: strconv.ParseFloat: parsing " + JSON.stringify(s) + ": invalid syntax");
    }
    var n = Number(s);
    if (!isFinite(n)) { throw unreadable("parse error: invalid " + what + " value: strconv.ParseFloat: parsing " + JSON.stringify(s) + ": value out of range"); }
    return n;
  }

  // parse reads a query string as bleve's grammar does
  // (search/query/query_string.y) into clauses {occur, q}.
  function parse(q) {
    var toks = lex(q), i = 0, parts = [];
    function peek() { return i < toks.length ? toks[i].t : "EOF"; }
    function take() { if (i >= toks.length) { fail(); } return toks[i++]; }
    function fail() { throw unreadable("syntax error"); }
    function str(field, s) {
      if (s.charAt(0) === "/" && s.charAt(s.length - 1) === "/") {
        if (s.length < 2) { fail(); }
        return { t: "refused", msg: "regular expressions are not supported in queries" };
      }
      if (/[*?]/.test(s)) { return { t: "refused", msg: "wildcards are not supported in queries; the last word of a query matches as a prefix" }; }
      return { t: "match", field: field, text: s };
    }
    // fuzzy is a word with a fuzziness; matching within an edit distance
    // needs the term dictionary, so it is refused, as on the server.
    function fuzzy(field, s) {
      if (Math.trunc(goFloat(take().s, "fuzziness"))) { return { t: "refused", msg: "fuzzy matching (~) is not supported in queries" }; }
      return { t: "match", field: field, text: s };
    }
    function number(field, s) { return { t: "num", field: field, text: s }; }
    function range() {
      if (peek() === "EQUAL") { i++; }
      var t = take();
      if (t.t === "MINUS") { t = take(); if (t.t !== "NUMBER") { fail(); } } else if (t.t !== "NUMBER" && t.t !== "PHRASE") { fail(); }
      return { t: "empty" };
    }
    function fielded(field) {
      var t = take();
      switch (t.t) {
        case "STRING": return peek() === "TILDE" ? fuzzy(field, t.s) : str(field, t.s);
        case "NUMBER": return number(field, t.s);
        case "MINUS": var n = take(); if (n.t !== "NUMBER") { fail(); } return number(field, "-" + n.s);
        case "PHRASE": return { t: "phrase", field: field, text: t.s };
        case "GREATER": case "LESS": return range();
      }
      return fail();
    }
    function base() {
      var t = take();
      if ((t.t === "STRING" || t.t === "PHRASE") && peek() === "COLON") { i++; return fielded(t.s); }
      if (t.t === "STRING") { return peek() === "TILDE" ? fuzzy("", t.s) : str("", t.s); }
      if (t.t === "PHRASE") { return { t: "phrase", field: "", text: t.s }; }
      if (t.t === "NUMBER") { return number("", t.s); }
      return fail();
    }
    if (!toks.length) { fail(); }
    while (i < toks.length) {
      var occur = "should";
      if (peek() === "PLUS") { occur = "must"; i++; } else if (peek() === "MINUS") { occur = "not"; i++; }
      var b = base();
      if (peek() === "BOOST") { b.boost = goFloat(take().s, "boost"); }
      parts.push({ occur: occur, q: b });
    }
    // Patterns are refused once the query parses, as refuseCostly in
    // query.go does, must clauses first.
    ["must", "should", "not"].forEach(function (o) {
      parts.forEach(function (p) { if (p.occur === o && p.q.t === "refused") { throw new QueryError(p.q.msg); } });
    });
    return { parts: parts };
  }
