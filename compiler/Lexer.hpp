// Lexer: turns Lua source text into tokens (manual §3.1).
//
// The lexer works on bytes: source text may contain any byte, including '\0'.
// Numerals are read greedily the way Lua reads them (digits, letters, '.', and a
// sign right after an exponent mark) and then converted with stringToNumber, so
// "3x" is one malformed numeral, not a number followed by a name.
//
// Errors throw CompileError whose message is already in Lua's format:
//   chunkname:line: message near 'token'
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "runtime/Value.hpp"

namespace tycho {

// A syntax or lexical error, message fully formatted (chunk id, line, "near").
struct CompileError {
  std::string message;
  // Nesting too deep for the parser: Lua raises "C stack overflow" the way
  // it raises it for running code, without a position, through the message
  // handler of the protected call that runs `load` (see loadSource).
  bool isStackOverflow = false;
};

enum class Tok : uint8_t {
  // Reserved words, in alphabetical order (the order of the Lua manual).
  And, Break, Do, Else, Elseif, End, False, For, Function, Goto, If, In, Local,
  Nil, Not, Or, Repeat, Return, Then, True, Until, While,
  // Multi-character symbols.
  IDiv,     // //
  Concat,   // ..
  Dots,     // ...
  Eq,       // ==
  Ge,       // >=
  Le,       // <=
  Ne,       // ~=
  Shl,      // <<
  Shr,      // >>
  DbColon,  // ::
  Eos,      // end of stream
  // Tokens with a payload.
  Float,    // Token::number
  Int,      // Token::integer
  Name,     // Token::text
  String,   // Token::text (escapes already decoded)
  Char,     // single-character symbol: Token::ch ('+', '-', '(', '=', ...)
};

struct Token {
  Tok kind = Tok::Eos;
  int ch = 0;            // for Tok::Char
  int line = 1;          // line where the token ends
  size_t end = 0;        // offset just past the token in the source
  Integer integer = 0;   // for Tok::Int
  Number number = 0;     // for Tok::Float
  std::string text;      // for Tok::Name and Tok::String
};

class Lexer {
 public:
  // `chunkname` is the chunk's name as given to load ("=stdin", "@file.lua", or
  // the source itself); messages use chunkId(chunkname). The scan starts at
  // byte `offset` of the source, on line `line` (a later pass re-reads one
  // token there for a message about it).
  Lexer(std::string_view source, std::string_view chunkname, size_t offset = 0, int line = 1);

  const Token& current() const { return current_; }
  // Moves to the next token.
  void next();
  // Looks one token ahead without consuming (the parser needs it only rarely).
  const Token& peek();
  // Line number of the last token consumed (the one before current()).
  int lastLine() const { return lastLine_; }
  int line() const { return line_; }

  // Raises "chunk:line: msg near 'current token'".
  [[noreturn]] void syntaxError(std::string_view msg) const;
  // Raises "chunk:line: msg" without the "near" part.
  [[noreturn]] void errorAt(std::string_view msg, int line) const;

  // Text of a token as Lua shows it in messages: names, strings and numerals as
  // written in the source; symbols as themselves; "<eof>" for the end.
  std::string tokenText(const Token& t) const;
  static const char* tokenName(Tok kind);
  const std::string& chunkName() const { return chunkId_; }

 private:
  Token scan();
  // ... implementation details (private helpers) live in Lexer.cpp
  std::string_view src_;
  size_t pos_ = 0;
  int line_ = 1;
  int lastLine_ = 1;
  std::string chunkId_;
  Token current_;
  Token ahead_;
  bool hasAhead_ = false;
  std::string raw_;   // raw text of the token being scanned (for "near" messages)
  std::string currentRaw_;
  std::string aheadRaw_;
  friend struct LexerAccess;
};

}  // namespace tycho
