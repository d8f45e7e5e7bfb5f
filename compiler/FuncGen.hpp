// FuncGen: the code generator of one function, shared by CodeGen.cpp
// (emission, blocks, statements) and CodeGenExpr.cpp (expressions and
// conditions). Private to those two files.
//
// The generator tracks the static stack depth at every instruction (see
// CodeGen.hpp) and gives every instruction the line Lua 5.4 gives the
// instruction it stands for, so that line hooks, activelines and error
// positions are Lua's:
//   - Lua gives an instruction the line of the last token consumed when it is
//     emitted, except calls (the line of their arguments), arithmetic and
//     unary operators (the operator's line) and loops (FORLOOP, TFORCALL);
//   - Lua emits the instruction that fetches a variable (GETFIELD, GETUPVAL,
//     GETTABUP) or copies a local or a constant (MOVE, LOADK) only when the
//     consumer of the value needs it, at the consumer's point: a `Use` says
//     where that is for each value;
//   - a local or a constant that Lua reads in place (an operand of an
//     operator, the table of an index) has no instruction in Lua, but one in
//     a stack machine: that push takes the line of the instruction after it
//     (emitPending), so that it makes no line event of its own; where Lua
//     reads it after computing another operand (`a + f()`, `t[f()]`), an
//     operand form reads it in place too, after that operand's code;
//   - where Lua has an instruction that Tycho's code does not need, on a
//     line where no instruction of Tycho's code is (a number loaded after
//     the other operand, a comparison's value made where it is used, an
//     upvalue fetched at the ']' of its index), a NOP stands for it
//     (markLine), so that line events are Lua's.
// Besides, the generator makes the code shapes whose lines Lua's hooks see:
// conditions jump directly (`branch`), `if c then break` jumps out of the
// loop directly, constant conditions make no test.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "compiler/CodeGen.hpp"

namespace tycho {

constexpr int kMultRet = -1;
constexpr Integer kMaxIndexInPlace = 255;  // Lua's GETI/SETI take such integer keys in place

// How the code that consumes a value uses it (see above).
struct Use {
  int fetch;     // line of an instruction fetching a variable (GETFIELD, GETUPVAL, GETTABUP)
  int place;     // line of the copy of a local or a constant, when it is not read in place
  bool inPlace;  // Lua reads a local or a constant where it is: no instruction of its own
  // The value is the table of a field with a string key: Lua reads an
  // upvalue table and the field with one instruction (GETTABUP, SETTABUP).
  bool tableOfField = false;
  // The value is tested here by Lua (the left operand of and/or): a `not`
  // is folded into the test, at this line.
  int testLine = 0;
  // The value decides a jump (a condition, the operand of `not`): Lua keeps
  // a comparison a jump there, and makes no value of it.
  bool condition = false;
};
inline Use operandAt(int line) { return {line, line, true}; }
inline Use valueAt(int line) { return {line, line, false}; }

// Does Lua's code for `e` leave its value in a register of its own choosing
// (a call, a constructor, a closure, a concatenation, a value made of jumps)
// rather than in one chosen where the value is used (the result of an
// operator or an index, a variable fetched)? (CodeGenExpr.cpp)
bool hasOwnRegister(const ast::Expr& e);

// The line of the last token of `e`, a closing ')' included.
inline int lastTokenLine(const ast::Expr& e) { return e.parenLine ? e.parenLine : e.endLine; }

class FuncGen {
 public:
  FuncGen(FunctionCode& out, ast::FunctionExpr& fn, const std::string& chunkId)
      : out_(out), fn_(fn), chunkId_(chunkId) {}

  void generate(bool isMain);

 private:
  // An active variable; a compile-time constant has slot -1 (it counts for
  // the scope rules of goto only).
  struct Active {
    std::string name;
    int slot;
    int debugIndex;
    bool captured;
    bool tbc;
  };
  struct Label {
    std::string name;
    int pc;
    int depth;
    int line;
  };
  struct Goto {
    std::string name;
    int jumpPc;
    int depth;
    int line;
    bool needsClose;
    size_t vars;  // active variables (compile-time constants included) where it jumps from
  };
  struct BlockInfo {
    size_t firstLabel;
    size_t firstGoto;
    size_t firstActive;
    int entryDepth;
    bool isLoop;
    int breakDepth;            // loops: stack depth where breaks land
    std::vector<int> breaks;   // loops: JMPs to patch to the exit
    bool deepBreak = false;    // a break arrives with more slots (the exit settles the depth)
    bool closeBreak = false;   // a break leaves captured or to-be-closed slots (the exit closes them)
  };
  // An assignment target, its table and key evaluated (see indexTarget).
  // A table held by a local and a local key are used where they are, as in
  // Lua (no slot of the operand stack holds them), as are constant keys Lua
  // keeps in place.
  struct Target {
    ast::Expr* e;
    int tableSlot = -1;  // index: the table's slot (pushed, or the local's own)
    int keySlot = -1;    // index: the key's slot (pushed, or the local's own); -1: K[k]
    int k = -1;          // constant key
    int upvalue = -1;    // the table is this upvalue (key K[k]: SETTABUP)
  };

  [[noreturn]] void error(const std::string& msg, int line);

  // --- emission (CodeGen.cpp) ---
  static constexpr int kPendingLine = -1;  // the line of the next instruction
  int pc() const { return int(out_.code.size()); }
  int emitAt(Instruction i, int line);
  int emit(Instruction i) { return emitAt(i, line_); }
  int emitPending(Instruction i) { return emitAt(i, kPendingLine); }
  static constexpr int kNoLine = -2;  // markLine: no instruction of ours follows
  void markLine(int line, int nextLine);
  int emitNone(Opcode op) { return emit(makeNone(op)); }
  int emitAx(Opcode op, uint32_t ax);
  int emitAB(Opcode op, int a, int b);
  int emitJump(Opcode op) { return emit(makeSAx(op, 0)); }
  int target();
  const Instruction* fusable(int at) const;
  const Instruction* mergeable(int at) const;
  void replaceFrom(int at, Instruction i);
  void takeBack(int at);
  void patchJump(int from, int target);
  void patchHere(int from) { patchJump(from, target()); }
  void patchDistance(int at, int distance);
  void push(int n = 1);
  void pop(int n = 1) { depth_ -= n; }
  void emitPop(int n);

  // --- constants ---
  int constantIndex(const Constant& c);
  int stringConstant(const std::string& s);

  // --- locals, blocks, gotos (CodeGen.cpp) ---
  void addActive(const std::string& name, int slot, bool captured, bool tbc);
  void endLocal(const Active& a);
  bool needsClose(int d) const;
  bool needsCloseBetween(int low, int high) const;
  void openBlock(bool isLoop, int breakDepth = 0, int entryDepth = -1);
  void closeBlock(int line);
  void endScope(BlockInfo& b, bool closed);
  void statements(ast::Block& b, bool labelsMayEnd = true, size_t first = 0);
  const Label* findLabel(const std::string& name) const;
  void label(ast::LabelStmt& s, bool atEnd, int nextLine);
  void gotoStmt(ast::GotoStmt& s);
  void breakStmt(ast::BreakStmt& s);
  BlockInfo* innermostLoop();
  void noteBreak(BlockInfo& loop);
  void landBreaks(BlockInfo& loop, int line);

  // --- statements (CodeGen.cpp) ---
  void statement(ast::Stmt& s);
  void localStmt(ast::LocalStmt& s);
  void assign(ast::AssignStmt& s);
  void storeTop(const Target& tg, int line);
  bool storeInPlace(const Target& tg);
  void dropTrailingPop();
  void singleAssign(ast::AssignStmt& s);
  void whileStmt(ast::WhileStmt& s);
  void repeatStmt(ast::RepeatStmt& s);
  void ifStmt(ast::IfStmt& s);
  bool breakIf(ast::Expr& cond, ast::Block& block, bool last, std::vector<int>& exits);
  void numericFor(ast::NumericForStmt& s);
  void endLoop(int base, int breakLine, int line);
  void genericFor(ast::GenericForStmt& s);
  void returnStmt(ast::ReturnStmt& s);

  // --- expressions (CodeGenExpr.cpp) ---
  void expr(ast::Expr& e, Use use);
  void leaf(Instruction i, Use use);
  int leftOperand(ast::Expr& top);
  Use leftUse(ast::Expr& parent, ast::Expr& child);
  void finishLink(ast::Expr& e, int start, int want, Use use);
  void index(ast::IndexExpr& x, int objectStart, Use use);
  Use keyUse(ast::IndexExpr& x);
  void tableOperand(ast::IndexExpr& x);
  Target indexTarget(ast::IndexExpr& x);
  static int localSlot(const ast::Expr& e);
  int constantKeyOf(const ast::Expr& key);
  void integer(Integer v, Use use);
  void exprN(ast::Expr& e, int want, Use use);
  void nils(int n);
  bool exprList(ast::ExprList& list, int want, int lastLine, size_t count);
  bool exprList(ast::ExprList& list, int want, int lastLine) { return exprList(list, want, lastLine, list.size()); }
  void nameGet(ast::NameExpr& n, Use use);
  void function(ast::FunctionExpr& f);
  void table(ast::TableExpr& t);
  void binary(ast::BinaryExpr& b, int lhsStart, Use use);
  bool leftInPlace(ast::BinaryExpr& b, Opcode op, int lhsStart, int opLine);
  Use rightUse(ast::BinaryExpr& b);
  void emitBinary(Opcode op, int lhsStart, int rhsStart);
  void unary(ast::UnaryExpr& u, Use use);
  void call(ast::Expr& e, int want);
  void finishCall(ast::Expr& e, int want);
  void branch(ast::Expr& e, bool jumpIfTrue, int line, std::vector<int>& jumps);

  FunctionCode& out_;
  ast::FunctionExpr& fn_;
  const std::string& chunkId_;
  int depth_ = 0;
  int maxDepth_ = 0;
  int line_ = 0;
  int lastTarget_ = 0;  // latest jump target (see target())
  std::vector<Active> actives_;
  std::vector<Label> labels_;
  std::vector<Goto> pendingGotos_;
  std::vector<BlockInfo> blocks_;
  std::unordered_map<std::string, int> constantMap_;
  std::vector<ast::Expr*> chain_;  // links of the left chains being evaluated (see leftOperand)
  // The ANDJ and ORJ jumps of the and/or value completed last, which land
  // at `pc`: an and/or around it takes them over (see binary), else the
  // next instruction emitted there is their target (emitAt). Patched once,
  // so that chains of any length compile in linear time.
  struct ValueJumps {
    std::vector<int> ands, ors;
    int pc = -1;
  };
  ValueJumps valueJumps_;
};

}  // namespace tycho
