// Tests for the lexer (manual §3.1) and for chunk ids: every token kind, every
// numeral form and escape, long brackets, comments, line counting, and every
// lexical error message, compared with what lua5.4 prints.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/Lexer.hpp"
#include "runtime/ChunkId.hpp"

using namespace tycho;
using namespace std::literals;

namespace {

std::vector<Token> lexAll(std::string_view source) {
  Lexer lx(source, "=test");
  std::vector<Token> tokens;
  while (lx.current().kind != Tok::Eos) {
    tokens.push_back(lx.current());
    lx.next();
  }
  return tokens;
}

// The one token `source` holds.
Token lexOne(std::string_view source) {
  auto tokens = lexAll(source);
  REQUIRE(tokens.size() == 1);
  return tokens[0];
}

// The message of the lexical error in `source` (used as its own chunk name, as
// load does), or "no error".
std::string lexError(std::string_view source) {
  try {
    Lexer lx(source, source);
    while (lx.current().kind != Tok::Eos) lx.next();
  } catch (const CompileError& e) {
    return e.message;
  }
  return "no error";
}

std::string stringValue(std::string_view source) {
  Token t = lexOne(source);
  REQUIRE(t.kind == Tok::String);
  return t.text;
}

}  // namespace

TEST_CASE("reserved words are their own tokens") {
  const char* words[] = {"and", "break", "do", "else", "elseif", "end", "false", "for",
                         "function", "goto", "if", "in", "local", "nil", "not", "or",
                         "repeat", "return", "then", "true", "until", "while"};
  for (int i = 0; i < 22; ++i) {
    CAPTURE(words[i]);
    Token t = lexOne(words[i]);
    CHECK(t.kind == Tok(i));
    CHECK(std::string(Lexer::tokenName(t.kind)) == words[i]);
  }
  // Case matters and prefixes/suffixes make names.
  for (const char* name : {"And", "END", "ends", "_end", "iff", "goto1", "nil_"}) {
    Token t = lexOne(name);
    CHECK(t.kind == Tok::Name);
    CHECK(t.text == name);
  }
}

TEST_CASE("names") {
  auto tokens = lexAll("_ a1 _A_b9 x");
  REQUIRE(tokens.size() == 4);
  CHECK(tokens[0].text == "_");
  CHECK(tokens[1].text == "a1");
  CHECK(tokens[2].text == "_A_b9");
  CHECK(tokens[3].text == "x");
}

TEST_CASE("symbols") {
  struct {
    std::string_view text;
    Tok kind;
    int ch;
  } cases[] = {
      {"+", Tok::Char, '+'}, {"-", Tok::Char, '-'}, {"*", Tok::Char, '*'}, {"/", Tok::Char, '/'},
      {"%", Tok::Char, '%'}, {"^", Tok::Char, '^'}, {"#", Tok::Char, '#'}, {"&", Tok::Char, '&'},
      {"~", Tok::Char, '~'}, {"|", Tok::Char, '|'}, {"<<", Tok::Shl, 0}, {">>", Tok::Shr, 0},
      {"//", Tok::IDiv, 0}, {"==", Tok::Eq, 0}, {"~=", Tok::Ne, 0}, {"<=", Tok::Le, 0},
      {">=", Tok::Ge, 0}, {"<", Tok::Char, '<'}, {">", Tok::Char, '>'}, {"=", Tok::Char, '='},
      {"(", Tok::Char, '('}, {")", Tok::Char, ')'}, {"{", Tok::Char, '{'}, {"}", Tok::Char, '}'},
      {"[", Tok::Char, '['}, {"]", Tok::Char, ']'}, {"::", Tok::DbColon, 0}, {";", Tok::Char, ';'},
      {":", Tok::Char, ':'}, {",", Tok::Char, ','}, {".", Tok::Char, '.'}, {"..", Tok::Concat, 0},
      {"...", Tok::Dots, 0},
  };
  for (auto& c : cases) {
    CAPTURE(c.text);
    Token t = lexOne(c.text);
    CHECK(t.kind == c.kind);
    if (c.kind == Tok::Char) CHECK(t.ch == c.ch);
  }
  // Longest match, read left to right.
  auto tokens = lexAll("a....b<<=>>=~==//=");
  std::vector<Tok> kinds;
  for (auto& t : tokens) kinds.push_back(t.kind);
  CHECK(kinds == std::vector<Tok>{Tok::Name, Tok::Dots, Tok::Char, Tok::Name, Tok::Shl, Tok::Char,
                                  Tok::Shr, Tok::Char, Tok::Ne, Tok::Char, Tok::IDiv, Tok::Char});
}

TEST_CASE("numerals") {
  struct {
    std::string_view text;
    bool isInt;
    Integer i;
    Number f;
  } cases[] = {
      {"3", true, 3, 0},
      {"345", true, 345, 0},
      {"0xff", true, 255, 0},
      {"0XBEBADA", true, 0xBEBADA, 0},
      {"0x7fffffffffffffff", true, INT64_MAX, 0},
      {"0xffffffffffffffff", true, -1, 0},           // hex integers wrap around
      {"0x10000000000000000", true, 0, 0},
      {"0x1ffffffffffffffff", true, -1, 0},
      {"9223372036854775807", true, INT64_MAX, 0},
      {"9223372036854775808", false, 0, 9223372036854775808.0},  // decimal overflow: float
      {"18446744073709551616", false, 0, 18446744073709551616.0},
      {"3.0", false, 0, 3.0},
      {"3.1416", false, 0, 3.1416},
      {"314.16e-2", false, 0, 3.1416},
      {"0.31416E1", false, 0, 3.1416},
      {"34e1", false, 0, 340.0},
      {"1e+2", false, 0, 100.0},
      {"5.", false, 0, 5.0},
      {".5", false, 0, 0.5},
      {".5e1", false, 0, 5.0},
      {"0x0.1E", false, 0, 0.1171875},
      {"0xA23p-4", false, 0, 162.1875},
      {"0X1.921FB54442D18P+1", false, 0, 3.141592653589793},
      {"0x.8", false, 0, 0.5},
      {"0x8.", false, 0, 8.0},
      {"0xep1", false, 0, 28.0},  // 'e' is a hex digit, 'p' the exponent
      {"0x1p-1074", false, 0, 4.9406564584124654e-324},
      {"1e400", false, 0, HUGE_VAL},
      {"1e-400", false, 0, 0.0},
      {"0.1", false, 0, 0.1},
  };
  for (auto& c : cases) {
    CAPTURE(c.text);
    Token t = lexOne(c.text);
    if (c.isInt) {
      REQUIRE(t.kind == Tok::Int);
      CHECK(t.integer == c.i);
    } else {
      REQUIRE(t.kind == Tok::Float);
      CHECK(t.number == c.f);
    }
  }
  // A numeral is read greedily, so these are single (malformed) numerals.
  CHECK(lexError("x = 3x") == "[string \"x = 3x\"]:1: malformed number near '3x'");
  CHECK(lexError("x = 3..2") == "[string \"x = 3..2\"]:1: malformed number near '3..2'");
  // A sign belongs to a numeral only right after its exponent mark.
  auto tokens = lexAll("1-2 0x1p4+1 1e-2 0xe-1 2 ..3");
  std::vector<Tok> kinds;
  for (auto& t : tokens) kinds.push_back(t.kind);
  CHECK(kinds == std::vector<Tok>{Tok::Int, Tok::Char, Tok::Int, Tok::Float, Tok::Char, Tok::Int,
                                  Tok::Float, Tok::Int, Tok::Char, Tok::Int, Tok::Int, Tok::Concat,
                                  Tok::Int});
  CHECK(tokens[6].number == 0.01);
  CHECK(tokens[7].integer == 14);
}

TEST_CASE("short strings and escapes") {
  CHECK(stringValue(R"("abc")") == "abc");
  CHECK(stringValue(R"('a"b')") == "a\"b");
  CHECK(stringValue(R"("a'b")") == "a'b");
  CHECK(stringValue(R"("")") == "");
  CHECK(stringValue(R"("\a\b\f\n\r\t\v")") == "\a\b\f\n\r\t\v");
  CHECK(stringValue(R"("\\\"\'")") == "\\\"'");
  CHECK(stringValue("\"a\\\nb\"") == "a\nb");      // backslash-newline
  CHECK(stringValue("\"a\\\r\nb\"") == "a\nb");    // \r\n is one newline
  CHECK(stringValue("\"a\\\n\rb\"") == "a\nb");    // so is \n\r
  CHECK(stringValue("\"a\\\rb\"") == "a\nb");
  CHECK(stringValue("\"a\\z  \n\t \r\n  b\"") == "ab");  // \z skips whitespace and newlines
  CHECK(stringValue(R"("a\zb")") == "ab");
  CHECK(stringValue(R"("\x41\x4a\x4A\x00\xff")") == "AJJ\0\xff"s);
  CHECK(stringValue(R"("\65\066\0677\0\00\000\255")") == "AB\x43" "7\0\0\0\xff"s);
  CHECK(stringValue(R"("\1a")") == "\x01" "a");
  CHECK(stringValue(R"("\u{41}\u{0}\u{00000041}")") == "A\0A"s);
  CHECK(stringValue(R"("\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}")") == "\x7f\xc2\x80\xdf\xbf\xe0\xa0\x80\xef\xbf\xbf");
  CHECK(stringValue(R"("\u{10000}\u{10FFFF}")") == "\xf0\x90\x80\x80\xf4\x8f\xbf\xbf");
  // Lua's extended UTF-8 goes up to 2^31-1 with 5- and 6-byte sequences.
  CHECK(stringValue(R"("\u{1FFFFF}\u{200000}")") == "\xf7\xbf\xbf\xbf\xf8\x88\x80\x80\x80");
  CHECK(stringValue(R"("\u{3FFFFFF}\u{4000000}\u{7FFFFFFF}")") ==
        "\xfb\xbf\xbf\xbf\xbf\xfc\x84\x80\x80\x80\x80\xfd\xbf\xbf\xbf\xbf\xbf");
  // Bytes pass through unchanged, including '\0' and non-ASCII.
  CHECK(stringValue("'a\0b\xc3\xa9'"sv) == "a\0b\xc3\xa9"s);
}

TEST_CASE("long strings") {
  CHECK(stringValue("[[abc]]") == "abc");
  CHECK(stringValue("[[]]") == "");
  CHECK(stringValue("[==[a]]b]=]c]===]d]==]") == "a]]b]=]c]===]d");
  CHECK(stringValue("[=[[[x]]]=]") == "[[x]]");
  CHECK(stringValue(R"([[\n\t\\]])") == R"(\n\t\\)");  // no escapes in long strings
  // The first newline is skipped; every newline sequence becomes '\n'.
  CHECK(stringValue("[[\nabc]]") == "abc");
  CHECK(stringValue("[[\r\nabc]]") == "abc");
  CHECK(stringValue("[[\n\nabc]]") == "\nabc");
  CHECK(stringValue("[[a\r\nb\n\rc\rd\ne\r\rf]]") == "a\nb\nc\nd\ne\n\nf");
  CHECK(stringValue("[[a\0b]]"sv) == "a\0b"s);
  Token t = lexAll("x = [==[\na\r\n\nb]==] y")[2];
  CHECK(t.kind == Tok::String);
  CHECK(t.line == 4);
}

TEST_CASE("comments") {
  auto tokens = lexAll("a -- line comment\nb --[[ long\ncomment ]] c --[==[ ]] ]==] d --[ not long\ne --\nf --[=x\ng");
  std::string names;
  for (auto& t : tokens) names += t.text;
  CHECK(names == "abcdefg");
  CHECK(lexAll("-- only a comment").empty());
  CHECK(lexAll("--[[ only ]]").empty());
  CHECK(lexAll("a - - b").size() == 4);
}

TEST_CASE("line counting") {
  Lexer lx("a\nb\r\nc\n\rd\re\n\nf\r\rg --[[\n\n]] h [[\n\n]] i \"\\\n\" j", "=t");
  std::vector<int> lines;
  while (lx.current().kind != Tok::Eos) {
    lines.push_back(lx.current().line);
    lx.next();
  }
  CHECK(lines == std::vector<int>{1, 2, 3, 4, 5, 7, 9, 11, 13, 13, 14, 14});
  CHECK(lx.line() == 14);
  CHECK(lx.lastLine() == 14);
}

TEST_CASE("lexical errors match lua5.4") {
  struct {
    std::string_view source;
    std::string_view message;
  } cases[] = {
      {"x = 3x"sv, "[string \"x = 3x\"]:1: malformed number near '3x'"},
      {"x = 0x"sv, "[string \"x = 0x\"]:1: malformed number near '0x'"},
      {"x = 1e"sv, "[string \"x = 1e\"]:1: malformed number near '1e'"},
      {"x = 1e+"sv, "[string \"x = 1e+\"]:1: malformed number near '1e+'"},
      {"x=1..2"sv, "[string \"x=1..2\"]:1: malformed number near '1..2'"},
      {"x = .5e"sv, "[string \"x = .5e\"]:1: malformed number near '.5e'"},
      {"x = 0x1p"sv, "[string \"x = 0x1p\"]:1: malformed number near '0x1p'"},
      {"x = 3ee"sv, "[string \"x = 3ee\"]:1: malformed number near '3ee'"},
      {"x = 0xx1"sv, "[string \"x = 0xx1\"]:1: malformed number near '0xx'"},
      {"x = 1.2.3"sv, "[string \"x = 1.2.3\"]:1: malformed number near '1.2.3'"},
      {"x = 1__"sv, "[string \"x = 1__\"]:1: malformed number near '1_'"},
      {"x = 0x1g"sv, "[string \"x = 0x1g\"]:1: malformed number near '0x1g'"},
      {"x = 1e-+1"sv, "[string \"x = 1e-+1\"]:1: malformed number near '1e-'"},
      {"x = .0x10.."sv, "[string \"x = .0x10..\"]:1: malformed number near '.0x10..'"},
      {"x = \"\\q\""sv, "[string \"x = \"\\q\"\"]:1: invalid escape sequence near '\"\\q'"},
      {"x = 'a\\\"\\q'"sv, "[string \"x = 'a\\\"\\q'\"]:1: invalid escape sequence near ''a\"\\q'"},
      {"x = \"\\25a\\q\""sv, "[string \"x = \"\\25a\\q\"\"]:1: invalid escape sequence near '\"\031a\\q'"},
      {"x = \"\\\r\n\\q\""sv, "[string \"x = \"\\\r...\"]:2: invalid escape sequence near '\"\n\\q'"},
      {"x = \"abc"sv, "[string \"x = \"abc\"]:1: unfinished string near <eof>"},
      {"x = \"abc\\"sv, "[string \"x = \"abc\\\"]:1: unfinished string near <eof>"},
      {"x = \"ab\ncd\""sv, "[string \"x = \"ab...\"]:1: unfinished string near '\"ab'"},
      {"x = \"ab\rcd\""sv, "[string \"x = \"ab\rcd\"\"]:1: unfinished string near '\"ab'"},
      {"x = \"\\z  \n  a"sv, "[string \"x = \"\\z  ...\"]:2: unfinished string near <eof>"},
      {"x = [[abc"sv, "[string \"x = [[abc\"]:1: unfinished long string (starting at line 1) near <eof>"},
      {"x = [==[ab]=]"sv, "[string \"x = [==[ab]=]\"]:1: unfinished long string (starting at line 1) near <eof>"},
      {"x = [[\n\nabc"sv, "[string \"x = [[...\"]:3: unfinished long string (starting at line 1) near <eof>"},
      {"--[[abc"sv, "[string \"--[[abc\"]:1: unfinished long comment (starting at line 1) near <eof>"},
      {"--[==[\n]]\n"sv, "[string \"--[==[...\"]:3: unfinished long comment (starting at line 1) near <eof>"},
      {"x = \"\\300\""sv, "[string \"x = \"\\300\"\"]:1: decimal escape too large near '\"\\300\"'"},
      {"x = \"\\256\""sv, "[string \"x = \"\\256\"\"]:1: decimal escape too large near '\"\\256\"'"},
      {"x = \"\\9999\""sv, "[string \"x = \"\\9999\"\"]:1: decimal escape too large near '\"\\9999'"},
      {"x = \"\\u{80000000}\""sv, "[string \"x = \"\\u{80000000}\"\"]:1: UTF-8 value too large near '\"\\u{80000000'"},
      {"x=\"\\u{1234567890}\""sv, "[string \"x=\"\\u{1234567890}\"\"]:1: UTF-8 value too large near '\"\\u{123456789'"},
      {"x = \"\\u{12\""sv, "[string \"x = \"\\u{12\"\"]:1: missing '}' near '\"\\u{12\"'"},
      {"x = \"\\u12\""sv, "[string \"x = \"\\u12\"\"]:1: missing '{' near '\"\\u1'"},
      {"x=\"\\u{}\""sv, "[string \"x=\"\\u{}\"\"]:1: hexadecimal digit expected near '\"\\u{}'"},
      {"x = \"\\u{zz}\""sv, "[string \"x = \"\\u{zz}\"\"]:1: hexadecimal digit expected near '\"\\u{z'"},
      {"x = \"\\u"sv, "[string \"x = \"\\u\"]:1: missing '{' near '\"\\u'"},
      {"x=\"\\xg1\""sv, "[string \"x=\"\\xg1\"\"]:1: hexadecimal digit expected near '\"\\xg'"},
      {"x=\"\\x1\""sv, "[string \"x=\"\\x1\"\"]:1: hexadecimal digit expected near '\"\\x1\"'"},
      {"x = \"\\x\""sv, "[string \"x = \"\\x\"\"]:1: hexadecimal digit expected near '\"\\x\"'"},
      {"x = \"\\xZ\""sv, "[string \"x = \"\\xZ\"\"]:1: hexadecimal digit expected near '\"\\xZ'"},
      {"x=[="sv, "[string \"x=[=\"]:1: invalid long string delimiter near '[='"},
      {"x = [==x"sv, "[string \"x = [==x\"]:1: invalid long string delimiter near '[=='"},
  };
  for (auto& c : cases) {
    CAPTURE(c.source);
    CHECK(lexError(c.source) == c.message);
  }
}

TEST_CASE("errors report the line where they are found") {
  CHECK(lexError("x = 1\n\ny = 3z") == "[string \"x = 1...\"]:3: malformed number near '3z'");
  CHECK(lexError("x = [[\n\n\nabc") == "[string \"x = [[...\"]:4: unfinished long string (starting at line 1) near <eof>");
  CHECK(lexError("\n--[==[\n\n") == "[string \"...\"]:4: unfinished long comment (starting at line 2) near <eof>");
}

TEST_CASE("tokenText shows tokens as Lua's messages do") {
  Lexer lx("name 'str' [==[long]==] 0x1F 1e5 + ... == \x01 \x7f \xc8 @"sv, "=t");
  std::vector<std::string> texts;
  for (;;) {
    texts.push_back(lx.tokenText(lx.current()));
    if (lx.current().kind == Tok::Eos) break;
    lx.next();
  }
  CHECK(texts == std::vector<std::string>{"'name'", "''str''", "'[==[long]==]'", "'0x1F'", "'1e5'",
                                          "'+'", "'...'", "'=='", "'<\\1>'", "'<\\127>'", "'<\\200>'",
                                          "'@'", "<eof>"});
}

TEST_CASE("syntaxError and errorAt") {
  Lexer lx("\n  foo", "@script.lua");
  try {
    lx.syntaxError("bad thing");
    FAIL("no throw");
  } catch (const CompileError& e) {
    CHECK(e.message == "script.lua:2: bad thing near 'foo'");
  }
  try {
    lx.errorAt("other", 7);
    FAIL("no throw");
  } catch (const CompileError& e) {
    CHECK(e.message == "script.lua:7: other");
  }
  // A '\0' byte is a token that Lua's messages do not show.
  Lexer zero("\0"sv, "=z");
  try {
    zero.syntaxError("unexpected symbol");
    FAIL("no throw");
  } catch (const CompileError& e) {
    CHECK(e.message == "z:1: unexpected symbol");
  }
}

TEST_CASE("peek looks ahead without consuming") {
  Lexer lx("a = b", "=t");
  CHECK(lx.current().text == "a");
  CHECK(lx.peek().kind == Tok::Char);
  CHECK(lx.peek().ch == '=');
  CHECK(lx.current().text == "a");
  CHECK(lx.tokenText(lx.current()) == "'a'");
  lx.next();
  CHECK(lx.current().ch == '=');
  lx.next();
  CHECK(lx.current().text == "b");
  lx.next();
  CHECK(lx.current().kind == Tok::Eos);
}

TEST_CASE("chunkId follows Lua's rules") {
  CHECK(chunkId("=stdin") == "stdin");
  CHECK(chunkId("=") == "");
  CHECK(chunkId("@") == "");
  CHECK(chunkId("") == "[string \"\"]");
  CHECK(chunkId("@file.lua") == "file.lua");
  CHECK(chunkId("x = 1") == "[string \"x = 1\"]");
  CHECK(chunkId("x = 1\ny = 2") == "[string \"x = 1...\"]");
  CHECK(chunkId("\nx") == "[string \"...\"]");
  CHECK(chunkId("x\r") == "[string \"x\r\"]");
  // Literal names keep their first 59 characters.
  std::string y59(59, 'y'), y60(60, 'y');
  CHECK(chunkId("=" + y59) == y59);
  CHECK(chunkId("=" + y60) == y59);
  // File names keep their end.
  std::string f59(49, 'z');
  f59 += "0123456789";
  CHECK(chunkId("@" + f59) == f59);
  CHECK(chunkId("@z" + f59) == "..." + f59.substr(3));
  CHECK(chunkId("@z" + f59).size() == 59);
  // Sources are cut to fit [string "..."] in 59 characters.
  CHECK(chunkId(std::string(44, 'x')) == "[string \"" + std::string(44, 'x') + "\"]");
  CHECK(chunkId(std::string(45, 'x')) == "[string \"" + std::string(45, 'x') + "...\"]");
  CHECK(chunkId(std::string(100, 'x')) == "[string \"" + std::string(45, 'x') + "...\"]");
  CHECK(chunkId(std::string(100, 'x')).size() == 59);
  // Chunk names are C strings in Lua's API: nothing after a '\0' counts.
  CHECK(chunkId("x=1\0 +"sv) == "[string \"x=1\"]");
}
