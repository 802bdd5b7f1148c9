// Decoding the export's encodings: numbers in base64 VLQ, text as the
// UTF-8 bytes the export counts offsets in, and the tokens of a piece of
// a document's text.

  var B64 = {};
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".split("").forEach(function (c, i) { B64[c] = i; });

  // vlq decodes numbers written in base64 digits of five bits each, least
  // significant first, the sixth bit saying that more follow (vlq in
  // export_encode.go).
  function vlq(s) {
    var out = [], acc = 0, mul = 1;
    for (var i = 0; i < s.length; i++) {
      var c = B64[s.charAt(i)];
      acc += (c & 31) * mul;
      if (c & 32) { mul *= 32; } else { out.push(acc); acc = 0; mul = 1; }
    }
    return out;
  }

  // own copies an object's properties into one with no prototype, so
  // that a word such as "constructor" is looked up as any other.
  function own(o) {
    var out = Object.create(null);
    Object.keys(o).forEach(function (k) { out[k] = o[k]; });
    return out;
  }

  // utf8 returns a string's UTF-8 bytes, in which the export counts
  // offsets into the text.
  function utf8(s) {
    var out = [];
    for (var i = 0; i < s.length; i++) {
      var c = s.codePointAt(i);
      if (c > 0xffff) { i++; }
      if (c < 0x80) { out.push(c); } else if (c < 0x800) { out.push(0xc0 | c >> 6, 0x80 | c & 63); } else if (c < 0x10000) { out.push(0xe0 | c >> 12, 0x80 | c >> 6 & 63, 0x80 | c & 63); } else { out.push(0xf0 | c >> 18, 0x80 | c >> 12 & 63, 0x80 | c >> 6 & 63, 0x80 | c & 63); }
    }
    return out;
  }

  // fromUTF8 decodes the UTF-8 bytes b[from:to].
  function fromUTF8(b, from, to) {
    var s = "";
    for (var i = from; i < to;) {
      var c = b[i], n = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4, cp = n === 1 ? c : c & (0xff >> (n + 1));
      for (var j = 1; j < n; j++) { cp = cp * 64 + (b[i + j] & 63); }
      s += String.fromCodePoint(cp);
      i += n;
    }
    return s;
  }

  // tokensOf decodes a piece's tokens (encodePiece in export_doc.go) into
  // a list of [position, start, end, term], bytes counted from the start
  // of the text, and p.at, position → [start, end].
  function tokensOf(p) {
    if (p.list) { return p.list; }
    var v = vlq(p.o || ""), pos = p.k ? p.pos - 1 : 0, end = p.start, b = utf8(p.x);
    p.list = [];
    p.at = {};
    for (var i = 0; i < v.length;) {
      var a = v[i++], step = a % 4;
      if (step === 3) { step += v[i++]; }
      var c = v[i++], gap = Math.floor(c / 8), cut = c % 8;
      if (gap === 3) { gap += v[i++]; } else if (gap === 4) { gap = -v[i++]; }
      pos += step + 1;
      var start = end + gap, term;
      end = start + Math.floor(a / 4);
      if (cut === 7) { term = p.w[v[i++]]; } else { term = fromUTF8(b, start - p.start, end - p.start).toLowerCase().slice(0, end - start - cut); }
      p.list.push([pos, start, end, term]);
      p.at[pos] = [start, end];
    }
    return p.list;
  }
