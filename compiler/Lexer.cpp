// Lexer: a hand-written scanner over a string_view of the source (manual §3.1).
//
// The source is never copied: names and numerals are sliced out of it, and only
// string literals are decoded into a fresh std::string. The constructor scans the
// first token, so current() is valid as soon as the lexer exists.
//
// Error messages reproduce what lua5.4 prints after "near". Lua builds them from
// the scanner's work buffer, which for a string literal holds the opening
// delimiter, the *decoded* characters read so far and the raw escape being read.
// We rebuild that text only when it is needed: `currentRaw_` keeps the numeral's
// source text for numbers and the opening delimiter for strings ("\"", "'",
// "[==["), which together with the decoded text gives back Lua's buffer.
// Like C's "%s", Lua's message formatting stops at an embedded '\0', and so do we.
// tokenText returns the text exactly as it follows "near " in Lua's messages:
// quoted ('x', '==', '"str"') except for the bare <eof>.
#include "compiler/Lexer.hpp"

#include "runtime/ChunkId.hpp"
#include "runtime/Number.hpp"

namespace tycho {

namespace {

// Spellings of the tokens, in the order of enum Tok (up to Eos).
constexpr const char* kTokenNames[] = {
    "and", "break", "do", "else", "elseif", "end", "false", "for", "function",
    "goto", "if", "in", "local", "nil", "not", "or", "repeat", "return", "then",
    "true", "until", "while",
    "//", "..", "...", "==", ">=", "<=", "~=", "<<", ">>", "::", "<eof>",
    "<number>", "<integer>", "<name>", "<string>", "<char>",
};
constexpr int kNumReserved = int(Tok::While) + 1;

// Character classes of the C locale, as Lua's lctype defines them (ASCII only,
// so the result never depends on the host's locale).
inline bool isDigit(int c) { return c >= '0' && c <= '9'; }
inline bool isHexDigit(int c) {
  return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
inline bool isAlpha(int c) {  // letters and '_', which may start a name
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
inline bool isAlnum(int c) { return isAlpha(c) || isDigit(c); }
inline bool isSpace(int c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}
inline bool isNewline(int c) { return c == '\n' || c == '\r'; }
inline bool isPrint(int c) { return c >= 0x20 && c < 0x7f; }
inline int hexValue(int c) { return isDigit(c) ? c - '0' : (c | 0x20) - 'a' + 10; }

// Quotes `text` for a message, cut at the first '\0' as C's "%s" would be.
std::string quoted(std::string_view text) {
  size_t nul = text.find('\0');
  if (nul != std::string_view::npos) text = text.substr(0, nul);
  std::string out;
  out.reserve(text.size() + 2);
  out += '\'';
  out += text;
  out += '\'';
  return out;
}

// Appends `code` in Lua's extended UTF-8 (sequences of up to 6 bytes, so every
// value below 2^31 has an encoding).
void appendUtf8(std::string& out, uint32_t code) {
  if (code < 0x80) {
    out += char(code);
    return;
  }
  char bytes[8];
  int n = 0;
  uint32_t firstByteMax = 0x3f;  // largest payload that still fits the first byte
  do {
    bytes[n++] = char(0x80 | (code & 0x3f));
    code >>= 6;
    firstByteMax >>= 1;
  } while (code > firstByteMax);
  bytes[n++] = char((~firstByteMax << 1) | code);
  while (n > 0) out += bytes[--n];
}

// Reserved words grouped by first letter: the index of the first one starting
// with each letter, so a name is compared with at most four words.
struct ReservedIndex {
  std::string_view words[kNumReserved];
  int8_t first[27];  // by letter 'a'..'z', plus an end marker
  constexpr ReservedIndex() : words{}, first{} {
    for (int i = 0; i < kNumReserved; ++i) {
      const char* w = kTokenNames[i];
      size_t n = 0;
      while (w[n]) ++n;
      words[i] = std::string_view(w, n);
    }
    int word = 0;
    for (int c = 0; c <= 26; ++c) {
      while (word < kNumReserved && words[word][0] < 'a' + c) ++word;
      first[c] = int8_t(word);
    }
  }
};
constexpr ReservedIndex kReserved;

Tok reservedWord(std::string_view name) {
  if (name.size() < 2 || name.size() > 8 || name[0] < 'a' || name[0] > 'z') return Tok::Name;
  int letter = name[0] - 'a';
  for (int i = kReserved.first[letter]; i < kReserved.first[letter + 1]; ++i) {
    if (name == kReserved.words[i]) return Tok(i);
  }
  return Tok::Name;
}

}  // namespace

Lexer::Lexer(std::string_view source, std::string_view chunkname, size_t offset, int line)
    : src_(source), pos_(offset), line_(line), lastLine_(line), chunkId_(chunkId(chunkname)) {
  current_ = scan();
  currentRaw_ = std::move(raw_);
  lastLine_ = line_;
}

void Lexer::next() {
  lastLine_ = line_;
  if (hasAhead_) {
    current_ = std::move(ahead_);
    currentRaw_ = std::move(aheadRaw_);
    hasAhead_ = false;
  } else {
    current_ = scan();
    currentRaw_ = std::move(raw_);
  }
}

const Token& Lexer::peek() {
  if (!hasAhead_) {
    ahead_ = scan();
    aheadRaw_ = std::move(raw_);
    hasAhead_ = true;
  }
  return ahead_;
}

void Lexer::errorAt(std::string_view msg, int line) const {
  std::string text = chunkId_;
  text += ':';
  text += std::to_string(line);
  text += ": ";
  text += msg;
  throw CompileError{std::move(text)};
}

void Lexer::syntaxError(std::string_view msg) const {
  // Lua omits the "near" part for a '\0' byte, whose token code is 0.
  if (current_.kind == Tok::Char && current_.ch == 0) errorAt(msg, line_);
  std::string text(msg);
  text += " near ";
  text += tokenText(current_);
  errorAt(text, line_);
}

const char* Lexer::tokenName(Tok kind) { return kTokenNames[int(kind)]; }

std::string Lexer::tokenText(const Token& t) const {
  const std::string* raw = nullptr;
  if (&t == &current_) raw = &currentRaw_;
  else if (hasAhead_ && &t == &ahead_) raw = &aheadRaw_;
  switch (t.kind) {
    case Tok::Eos:
      return "<eof>";
    case Tok::Name:
      return quoted(t.text);
    case Tok::Int:
    case Tok::Float: {
      if (raw && !raw->empty()) return quoted(*raw);
      char buf[kMaxNumberText];
      size_t n = numberToText(t.kind == Tok::Int ? Value::integer(t.integer) : Value::number(t.number), buf);
      return quoted(std::string_view(buf, n));
    }
    case Tok::String: {
      std::string open = (raw && !raw->empty()) ? *raw : std::string("\"");
      std::string close = open;
      if (open[0] == '[') {
        close.front() = ']';
        close.back() = ']';
      }
      return quoted(open + t.text + close);
    }
    case Tok::Char: {
      if (isPrint(t.ch)) return quoted(std::string(1, char(t.ch)));
      return "'<\\" + std::to_string(t.ch) + ">'";
    }
    default:
      return quoted(kTokenNames[int(t.kind)]);
  }
}

// --- scanning -------------------------------------------------------------

// The scanner proper. It needs the lexer's private state; as a friend struct it
// keeps its helpers out of the public header.
struct LexerAccess {
  Lexer& lx;
  Token tok;  // the token being built

  int at(size_t i) const { return i < lx.src_.size() ? (unsigned char)lx.src_[i] : -1; }
  int cur() const { return at(lx.pos_); }

  [[noreturn]] void errorNear(std::string_view msg, std::string_view nearText) const {
    std::string text(msg);
    text += " near ";
    text += quoted(nearText);
    lx.errorAt(text, lx.line_);
  }
  [[noreturn]] void errorNearEof(std::string_view msg) const {
    std::string text(msg);
    text += " near <eof>";
    lx.errorAt(text, lx.line_);
  }

  // Skips a newline sequence (\n, \r, \r\n or \n\r) and counts one line.
  void newline() {
    int first = cur();
    ++lx.pos_;
    int second = cur();
    if (isNewline(second) && second != first) ++lx.pos_;
    ++lx.line_;
  }

  // At '[' or ']': counts the '='s of a long bracket. Returns the level plus 2
  // when the bracket is complete, 1 for a lone bracket, 0 for '[' followed by
  // '='s but not by a second '[' (an invalid delimiter).
  size_t skipSeparator() {
    int bracket = cur();
    ++lx.pos_;
    size_t count = 0;
    while (cur() == '=') {
      ++lx.pos_;
      ++count;
    }
    return cur() == bracket ? count + 2 : (count == 0 ? 1 : 0);
  }

  // Reads a long string or comment after its opening bracket of `sep` (level+2);
  // pos_ is at the second '['. Returns the contents (empty for a comment).
  std::string readLongString(size_t sep, bool isComment) {
    int startLine = lx.line_;
    ++lx.pos_;  // second '['
    if (isNewline(cur())) newline();  // the first newline is not part of the string
    std::string text;
    size_t chunkStart = lx.pos_;
    auto flush = [&](size_t end) {
      if (!isComment) text.append(lx.src_.data() + chunkStart, end - chunkStart);
    };
    for (;;) {
      int c = cur();
      if (c == -1) {
        std::string msg = isComment ? "unfinished long comment" : "unfinished long string";
        msg += " (starting at line " + std::to_string(startLine) + ")";
        errorNearEof(msg);
      }
      if (c == ']') {
        size_t bracketPos = lx.pos_;
        if (skipSeparator() == sep) {
          flush(bracketPos);
          ++lx.pos_;  // closing ']'
          return text;
        }
        // Not the closing bracket: what was skipped stays in the text (and the
        // current character, maybe another ']', is looked at again).
      } else if (isNewline(c)) {
        flush(lx.pos_);
        if (!isComment) text += '\n';
        newline();
        chunkStart = lx.pos_;
      } else {
        ++lx.pos_;
      }
    }
  }

  // Reads a short string; pos_ is at the opening quote.
  void readString() {
    int quote = cur();
    std::string delim(1, char(quote));
    ++lx.pos_;
    std::string text;
    for (;;) {
      int c = cur();
      if (c == quote) break;
      if (c == -1) errorNearEof("unfinished string");
      if (isNewline(c)) errorNear("unfinished string", delim + text);
      if (c != '\\') {
        // Copy a run of ordinary characters at once.
        size_t start = lx.pos_;
        while (lx.pos_ < lx.src_.size()) {
          char ch = lx.src_[lx.pos_];
          if (ch == quote || ch == '\\' || ch == '\n' || ch == '\r') break;
          ++lx.pos_;
        }
        text.append(lx.src_.data() + start, lx.pos_ - start);
        continue;
      }
      readEscape(text, delim);
    }
    ++lx.pos_;  // closing quote
    tok.kind = Tok::String;
    tok.text = std::move(text);
    lx.raw_ = std::move(delim);
  }

  // Raises an escape error; the near text is what Lua's buffer holds: the
  // delimiter, the decoded text, the escape read so far and the offending
  // character (when there is one).
  [[noreturn]] void escapeError(std::string_view msg, const std::string& delim,
                                const std::string& text, size_t escStart) {
    size_t end = lx.pos_ < lx.src_.size() ? lx.pos_ + 1 : lx.pos_;
    errorNear(msg, delim + text + std::string(lx.src_.substr(escStart, end - escStart)));
  }

  void readEscape(std::string& text, const std::string& delim) {
    size_t escStart = lx.pos_;
    ++lx.pos_;  // the backslash
    int c = cur();
    switch (c) {
      case 'a': text += '\a'; ++lx.pos_; return;
      case 'b': text += '\b'; ++lx.pos_; return;
      case 'f': text += '\f'; ++lx.pos_; return;
      case 'n': text += '\n'; ++lx.pos_; return;
      case 'r': text += '\r'; ++lx.pos_; return;
      case 't': text += '\t'; ++lx.pos_; return;
      case 'v': text += '\v'; ++lx.pos_; return;
      case '\\': case '"': case '\'':
        text += char(c);
        ++lx.pos_;
        return;
      case '\n': case '\r':
        newline();
        text += '\n';
        return;
      case -1:
        return;  // the caller reports the unfinished string
      case 'x': {
        int value = 0;
        for (int i = 0; i < 2; ++i) {
          ++lx.pos_;
          if (!isHexDigit(cur())) escapeError("hexadecimal digit expected", delim, text, escStart);
          value = value * 16 + hexValue(cur());
        }
        ++lx.pos_;
        text += char(value);
        return;
      }
      case 'z': {
        ++lx.pos_;
        while (isSpace(cur())) {
          if (isNewline(cur())) newline();
          else ++lx.pos_;
        }
        return;
      }
      case 'u': {
        ++lx.pos_;
        if (cur() != '{') escapeError("missing '{'", delim, text, escStart);
        ++lx.pos_;
        if (!isHexDigit(cur())) escapeError("hexadecimal digit expected", delim, text, escStart);
        uint32_t value = uint32_t(hexValue(cur()));
        ++lx.pos_;
        while (isHexDigit(cur())) {
          if (value > (0x7FFFFFFFu >> 4)) escapeError("UTF-8 value too large", delim, text, escStart);
          value = (value << 4) + uint32_t(hexValue(cur()));
          ++lx.pos_;
        }
        if (cur() != '}') escapeError("missing '}'", delim, text, escStart);
        ++lx.pos_;
        appendUtf8(text, value);
        return;
      }
      default: {
        if (!isDigit(c)) escapeError("invalid escape sequence", delim, text, escStart);
        int value = 0;
        for (int i = 0; i < 3 && isDigit(cur()); ++i) {
          value = value * 10 + (cur() - '0');
          ++lx.pos_;
        }
        if (value > 255) escapeError("decimal escape too large", delim, text, escStart);
        text += char(value);
        return;
      }
    }
  }

  // Reads a numeral greedily, as Lua does, then converts it as a whole.
  void readNumeral() {
    size_t start = lx.pos_;
    char expo1 = 'e', expo2 = 'E';
    if (cur() == '.') ++lx.pos_;
    // Like Lua, look for a hex prefix at the first digit, even after a leading
    // '.' (".0x1" is one malformed numeral).
    int first = cur();
    ++lx.pos_;
    if (first == '0' && (cur() == 'x' || cur() == 'X')) {
      ++lx.pos_;
      expo1 = 'p';
      expo2 = 'P';
    }
    for (;;) {
      int c = cur();
      if (c == expo1 || c == expo2) {
        ++lx.pos_;
        if (cur() == '+' || cur() == '-') ++lx.pos_;
      } else if (isHexDigit(c) || c == '.') {
        ++lx.pos_;
      } else {
        break;
      }
    }
    if (isAlpha(cur())) ++lx.pos_;  // a numeral touching a letter is malformed
    std::string_view text = lx.src_.substr(start, lx.pos_ - start);
    Value v;
    if (!stringToNumber(text, v)) errorNear("malformed number", text);
    if (v.isInteger()) {
      tok.kind = Tok::Int;
      tok.integer = v.asInteger();
    } else {
      tok.kind = Tok::Float;
      tok.number = v.asFloat();
    }
    lx.raw_.assign(text);
  }

  void symbol(Tok kind, size_t length) {
    lx.pos_ += length;
    tok.kind = kind;
  }
  void single(int c) {
    ++lx.pos_;
    tok.kind = Tok::Char;
    tok.ch = c;
  }

  void scan() {
    for (;;) {
      int c = cur();
      switch (c) {
        case -1:
          tok.kind = Tok::Eos;
          return;
        case '\n': case '\r':
          newline();
          continue;
        case ' ': case '\t': case '\v': case '\f':
          ++lx.pos_;
          continue;
        case '-': {
          if (at(lx.pos_ + 1) != '-') return single('-');
          lx.pos_ += 2;
          if (cur() == '[') {
            size_t save = lx.pos_;
            size_t sep = skipSeparator();
            if (sep >= 2) {
              readLongString(sep, /*isComment=*/true);
              continue;
            }
            lx.pos_ = save;  // not a long bracket: an ordinary line comment
          }
          while (lx.pos_ < lx.src_.size() && !isNewline(cur())) ++lx.pos_;
          continue;
        }
        case '[': {
          size_t start = lx.pos_;
          size_t sep = skipSeparator();
          if (sep >= 2) {
            tok.text = readLongString(sep, /*isComment=*/false);
            tok.kind = Tok::String;
            lx.raw_.assign(lx.src_.substr(start, sep));  // "[==["
            return;
          }
          if (sep == 0) errorNear("invalid long string delimiter", lx.src_.substr(start, lx.pos_ - start));
          tok.kind = Tok::Char;
          tok.ch = '[';
          return;
        }
        case '=':
          return at(lx.pos_ + 1) == '=' ? symbol(Tok::Eq, 2) : single(c);
        case '<':
          if (at(lx.pos_ + 1) == '=') return symbol(Tok::Le, 2);
          if (at(lx.pos_ + 1) == '<') return symbol(Tok::Shl, 2);
          return single(c);
        case '>':
          if (at(lx.pos_ + 1) == '=') return symbol(Tok::Ge, 2);
          if (at(lx.pos_ + 1) == '>') return symbol(Tok::Shr, 2);
          return single(c);
        case '/':
          return at(lx.pos_ + 1) == '/' ? symbol(Tok::IDiv, 2) : single(c);
        case '~':
          return at(lx.pos_ + 1) == '=' ? symbol(Tok::Ne, 2) : single(c);
        case ':':
          return at(lx.pos_ + 1) == ':' ? symbol(Tok::DbColon, 2) : single(c);
        case '"': case '\'':
          return readString();
        case '.':
          if (at(lx.pos_ + 1) == '.') {
            return at(lx.pos_ + 2) == '.' ? symbol(Tok::Dots, 3) : symbol(Tok::Concat, 2);
          }
          if (!isDigit(at(lx.pos_ + 1))) return single(c);
          return readNumeral();
        case '0': case '1': case '2': case '3': case '4':
        case '5': case '6': case '7': case '8': case '9':
          return readNumeral();
        default: {
          if (!isAlpha(c)) return single(c);
          size_t start = lx.pos_;
          while (isAlnum(cur())) ++lx.pos_;
          std::string_view name = lx.src_.substr(start, lx.pos_ - start);
          tok.kind = reservedWord(name);
          if (tok.kind == Tok::Name) tok.text.assign(name);
          return;
        }
      }
    }
  }
};

Token Lexer::scan() {
  raw_.clear();
  LexerAccess scanner{*this, Token{}};
  scanner.scan();
  scanner.tok.line = line_;
  scanner.tok.end = pos_;
  return std::move(scanner.tok);
}

}  // namespace tycho
