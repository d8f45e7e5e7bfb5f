// CodeGen: emission, blocks, gotos and statements (see CodeGen.hpp and
// FuncGen.hpp; expressions are in CodeGenExpr.cpp).
#include "compiler/CodeGen.hpp"

#include <cstring>

#include "compiler/Analysis.hpp"
#include "compiler/ConstantFolding.hpp"
#include "compiler/FuncGen.hpp"
#include "compiler/Lexer.hpp"
#include "runtime/ChunkId.hpp"

namespace tycho {

using namespace ast;

namespace {

// Does the instruction leave its result where Lua's counterpart writes it
// straight into a local (arithmetic and unary operators)? Then storing the
// result into a local (SETLOCAL, which the operator's handler completes) has
// no instruction of its own in Lua, and takes the operator's line.
bool writesInPlace(Instruction i) {
  Opcode op = opcodeOf(i);
  return isArithmeticOp(op) || op == OP_UNM || op == OP_BNOT || op == OP_LEN || op == OP_LEN_L || op == OP_NOT;
}

// Gives each operator followed by the instruction its handler can complete
// (a comparison's JMPF, ADD's or SUB's SETLOCAL) the flavour that completes
// it (Opcodes.hpp), once the code is final. The pair stays two words: the
// completed instruction keeps its place for jumps that land on it, the
// analysis and hooks.
void chooseCompletingForms(std::vector<Instruction>& code) {
  for (size_t pc = 0; pc + 1 < code.size(); pc++) {
    Opcode op = opcodeOf(code[pc]);
    if (hasFlag(op, kReadsExtraArg)) {
      pc++;
      continue;
    }
    Opcode flavour = completingFlavour(op);
    if (flavour != op && opcodeOf(code[pc + 1]) == completedOpcode(flavour))
      code[pc] = (code[pc] & ~Instruction(0xff)) | Instruction(flavour);
  }
}

// The superinstruction (Opcodes.hpp) that does what `first` and `second`
// do, the depth before them being `depth` (-1: not static); false when the
// pair has none. A GETLOCAL second in a pair reads a slot live before the
// pair (the verifier's rule for a Slot operand), not the one just pushed.
// RETURN1_L is left out of functions with to-be-closed variables, where a
// return may be run again after a __close method yields (Coroutine.cpp).
bool superinstruction(Instruction first, Instruction second, int depth, bool hasTbc, Instruction* merged) {
  Opcode a = opcodeOf(first), b = opcodeOf(second);
  if (b == OP_GETLOCAL && argAx(second) <= uint32_t(kMaxB) && long(argAx(second)) < depth) {
    if (a == OP_GETLOCAL && argAx(first) <= uint32_t(kMaxA)) {
      *merged = makeAB(OP_PUSH_LL, argAx(first), argAx(second));
      return true;
    }
    if (a == OP_GETUPVAL && argAx(first) <= uint32_t(kMaxA)) {
      *merged = makeAB(OP_PUSH_UL, argAx(first), argAx(second));
      return true;
    }
  }
  if (a == OP_GETLOCAL && b == OP_CALL && long(argAx(first)) < depth && argAx(first) <= uint32_t(kMaxA) &&
      argB(second) <= uint32_t(kMaxA)) {
    *merged = makeABC(OP_CALL_L, argA(second), argB(second), argAx(first));
    return true;
  }
  if (a == OP_GETLOCAL && b == OP_RETURN1 && !hasTbc) {
    *merged = makeAx(OP_RETURN1_L, argAx(first));
    return true;
  }
  return false;
}

// Merges the pairs that have a superinstruction, once a function's code is
// final, where nothing tells the two apart: the second is no jump target,
// no local's scope starts or ends between them, and both are on one line
// (hooks see the same line events). Jumps, lines and the scopes of locals
// move with the code.
void mergePairs(FunctionCode& f) {
  std::vector<Instruction>& code = f.code;
  size_t n = code.size();
  // The analysis below (for depths) only when some pair may merge: every
  // superinstruction starts with GETLOCAL or GETUPVAL.
  bool candidates = false, hasTbc = false;
  for (size_t pc = 0; pc < n; pc++) {
    Opcode op = opcodeOf(code[pc]);
    hasTbc = hasTbc || op == OP_TBC;
    if (pc + 1 < n && (op == OP_GETLOCAL || op == OP_GETUPVAL)) {
      Opcode next = opcodeOf(code[pc + 1]);
      candidates = candidates || next == OP_GETLOCAL || (op == OP_GETLOCAL && (next == OP_CALL || next == OP_RETURN1));
    }
  }
  if (!candidates) return;
  std::vector<bool> boundary(n + 1, false);
  for (size_t pc = 0; pc < n; pc++) {
    if (jumpFieldOf(opcodeOf(code[pc])) < 0) continue;
    long target = jumpTarget(code[pc], int(pc));
    if (target >= 0 && target <= long(n)) boundary[size_t(target)] = true;
  }
  for (const auto& l : f.locals) {
    if (l.startPc >= 0 && size_t(l.startPc) <= n) boundary[size_t(l.startPc)] = true;
    if (l.endPc >= 0 && size_t(l.endPc) <= n) boundary[size_t(l.endPc)] = true;
  }
  CodeAnalysis analysis(code, f.numParams);
  std::vector<int> newPc(n + 1);
  std::vector<Instruction> merged;
  std::vector<int> lines, oldPc;
  for (size_t pc = 0; pc < n; pc++) {
    newPc[pc] = int(merged.size());
    oldPc.push_back(int(pc));
    lines.push_back(f.lines[pc]);
    Instruction both;
    if (pc + 1 < n && !boundary[pc + 1] && f.lines[pc] == f.lines[pc + 1] &&
        superinstruction(code[pc], code[pc + 1], analysis.staticDepth(int(pc)), hasTbc, &both)) {
      merged.push_back(both);
      newPc[++pc] = int(merged.size()) - 1;
      continue;
    }
    merged.push_back(code[pc]);
  }
  newPc[n] = int(merged.size());
  if (merged.size() == n) return;
  for (size_t j = 0; j < merged.size(); j++) {
    if (jumpFieldOf(opcodeOf(merged[j])) < 0) continue;
    long target = jumpTarget(code[size_t(oldPc[j])], oldPc[j]);
    merged[j] = withJumpTarget(merged[j], int(j), newPc[size_t(target)]);
  }
  for (auto& l : f.locals) {
    if (l.startPc >= 0) l.startPc = newPc[size_t(l.startPc)];
    if (l.endPc >= 0) l.endPc = newPc[size_t(l.endPc)];
  }
  code = std::move(merged);
  f.lines = std::move(lines);
}

}  // namespace

void FuncGen::generate(bool isMain) {
  out_.numParams = int(fn_.params.size());
  out_.isVararg = fn_.isVararg;
  out_.lineDefined = isMain ? 0 : fn_.line;
  out_.lastLineDefined = isMain ? 0 : fn_.endLine;  // a main chunk spans no definition
  for (const auto& name : fn_.info.upvalueNames) out_.upvalues.push_back({name, false, 0, 0});
  for (size_t i = 0; i < fn_.info.upvalues.size(); i++) {
    out_.upvalues[i].inStack = fn_.info.upvalues[i].inStack;
    out_.upvalues[i].index = fn_.info.upvalues[i].index;
    out_.upvalues[i].kind = fn_.info.upvalues[i].kind;
  }
  line_ = fn_.line;
  if (fn_.isVararg) emitAx(OP_VARARGPREP, uint32_t(out_.numParams));
  depth_ = out_.numParams;
  maxDepth_ = depth_;
  for (int i = 0; i < out_.numParams; i++) addActive(fn_.params[i], i, false, false);
  openBlock(false);
  statements(fn_.body);
  // The final return is at the function's `end` (the main chunk's last
  // token), in the scope of the function's locals, as in Lua.
  line_ = fn_.endLine;
  BlockInfo& body = blocks_.back();
  bool close = needsClose(body.entryDepth);
  if (close) emitAx(OP_CLOSE, uint32_t(body.entryDepth));
  emitPop(depth_ - body.entryDepth);
  emitNone(OP_RETURN0);
  endScope(body, close);
  for (auto& g : pendingGotos_) {
    error("no visible label '" + g.name + "' for <goto> at line " + std::to_string(g.line), g.line);
  }
  for (size_t i = 0; i < actives_.size(); i++) endLocal(actives_[i]);
  out_.maxStack = maxDepth_;
  mergePairs(out_);
  chooseCompletingForms(out_.code);
}

void FuncGen::error(const std::string& msg, int line) {
  throw CompileError{chunkId_ + ":" + std::to_string(line) + ": " + msg};
}

// --- emission ---

int FuncGen::emitAt(Instruction i, int line) {
  if (valueJumps_.pc == pc()) {
    for (int j : valueJumps_.ands) patchJump(j, pc());
    for (int j : valueJumps_.ors) patchJump(j, pc());
    valueJumps_ = {};
  }
  // Instructions waiting for a line take this one's.
  if (line != kPendingLine) {
    for (size_t j = out_.lines.size(); j-- > 0 && out_.lines[j] == kPendingLine;) out_.lines[j] = line;
  }
  out_.code.push_back(i);
  out_.lines.push_back(line);
  return pc() - 1;
}

// Lua has an instruction at `line` here which Tycho's code does not need,
// and the next instruction of ours is at `nextLine` (kNoLine: unknown). A
// NOP stands for Lua's instruction when that would give a line event which
// ours would not: on another line than the next one, reached from an
// instruction on another line (the last one, or a jump landing here).
void FuncGen::markLine(int line, int nextLine) {
  if (line == nextLine || line <= 0) return;
  bool event = out_.lines.empty() || out_.lines.back() != line;
  if (valueJumps_.pc == pc()) {
    // The jumps of an and/or that ends here (the only ones landing here).
    for (const std::vector<int>* jumps : {&valueJumps_.ands, &valueJumps_.ors}) {
      for (int j : *jumps) event = event || out_.lines[size_t(j)] != line;
    }
  } else if (lastTarget_ == pc()) {
    event = true;  // jumps from anywhere
  }
  if (event) emitAt(makeNone(OP_NOP), line);
}

int FuncGen::emitAx(Opcode op, uint32_t ax) {
  if (ax > uint32_t(kMaxAx)) error("function or expression too complex", line_);
  return emit(makeAx(op, ax));
}

int FuncGen::emitAB(Opcode op, int a, int b) {
  if (a < 0 || a > kMaxA || b < 0 || b > kMaxB) error("function or expression too complex", line_);
  return emit(makeAB(op, uint32_t(a), uint32_t(b)));
}

// Marks the current position as a jump target: instructions before it can
// no longer be fused with the ones after it.
int FuncGen::target() {
  lastTarget_ = pc();
  return lastTarget_;
}

// The instruction at `at`, when it can be folded into the next one (it is
// in the current straight-line run of code).
const Instruction* FuncGen::fusable(int at) const {
  if (at < 0 || at < lastTarget_ || at >= pc()) return nullptr;
  return &out_.code[size_t(at)];
}

// The instruction at `at` when it can be merged into one emitted at the
// current line: it is fusable and on that line (or waiting for the line of
// the next instruction), so that line hooks see the same events as they
// would with the instructions apart.
const Instruction* FuncGen::mergeable(int at) const {
  const Instruction* i = fusable(at);
  if (!i) return nullptr;
  int line = out_.lines[size_t(at)];
  return line == line_ || line == kPendingLine ? i : nullptr;
}

// Replaces the instructions from `at` on with `i`.
void FuncGen::replaceFrom(int at, Instruction i) {
  out_.code.resize(size_t(at));
  out_.lines.resize(size_t(at));
  emit(i);
}

// Takes back the push at `at`, the last instruction, of a value that an
// instruction emitted later reads where it is (jumps that land at `at` land
// on the instruction emitted next).
void FuncGen::takeBack(int at) {
  out_.code.resize(size_t(at));
  out_.lines.resize(size_t(at));
  pop();
}

// Points the jump at `from` to `target`.
void FuncGen::patchJump(int from, int target) {
  int offset = target - (from + 1);
  if (offset > kMaxSAx || offset < kMinSAx) error("control structure too long", line_);
  Instruction i = out_.code[size_t(from)];
  out_.code[size_t(from)] = makeSAx(opcodeOf(i), offset);
}

// Sets the B (distance) operand of loop instructions.
void FuncGen::patchDistance(int at, int distance) {
  if (distance < 0 || distance > kMaxB) error("control structure too long", line_);
  Instruction i = out_.code[size_t(at)];
  out_.code[size_t(at)] = makeAB(opcodeOf(i), argA(i), uint32_t(distance));
}

void FuncGen::push(int n) {
  depth_ += n;
  if (depth_ > maxDepth_) {
    maxDepth_ = depth_;
    if (maxDepth_ > kMaxStackSlots) error("function or expression needs too many registers", line_);
  }
}

// Removes a POP just emitted, when the next instruction drops the same
// values by itself (FORLOOP): a dispatch less per iteration. The
// depth stays as the POP left it; jumps that landed on the POP land on that
// instruction, and locals whose scope took in the POP (a POP merged from
// two blocks' ends) end where it was, as they did before it.
void FuncGen::dropTrailingPop() {
  const Instruction* last = fusable(pc() - 1);
  if (!last || opcodeOf(*last) != OP_POP) return;
  int at = pc() - 1;
  out_.code.pop_back();
  out_.lines.pop_back();
  for (FunctionCode::Local& l : out_.locals) {
    if (l.endPc > at) l.endPc = at;
  }
}

void FuncGen::emitPop(int n) {
  if (n <= 0) return;
  const Instruction* last = fusable(pc() - 1);
  if (last && opcodeOf(*last) == OP_POP) {
    replaceFrom(pc() - 1, makeAx(OP_POP, argAx(*last) + uint32_t(n)));  // merge with the previous POP
  } else {
    emitAx(OP_POP, uint32_t(n));
  }
  pop(n);
}

// --- constants ---

int FuncGen::constantIndex(const Constant& c) {
  std::string key(1, char(c.kind));
  if (c.kind == Constant::Integer) key.append(reinterpret_cast<const char*>(&c.i), sizeof c.i);
  else if (c.kind == Constant::Float) key.append(reinterpret_cast<const char*>(&c.n), sizeof c.n);
  else key += c.s;
  auto it = constantMap_.find(key);
  if (it != constantMap_.end()) return it->second;
  int index = int(out_.constants.size());
  if (index >= kMaxAx) error("too many constants", line_);
  out_.constants.push_back(c);
  constantMap_.emplace(std::move(key), index);
  return index;
}

int FuncGen::stringConstant(const std::string& s) {
  Constant c;
  c.kind = Constant::String;
  c.s = s;
  return constantIndex(c);
}

// --- locals ---

void FuncGen::addActive(const std::string& name, int slot, bool captured, bool tbc) {
  out_.locals.push_back(FunctionCode::Local{name, pc(), -1, slot});
  actives_.push_back({name, slot, int(out_.locals.size()) - 1, captured, tbc});
}

void FuncGen::endLocal(const Active& a) {
  if (a.debugIndex >= 0 && out_.locals[size_t(a.debugIndex)].endPc < 0) out_.locals[size_t(a.debugIndex)].endPc = pc();
}

// Does leaving to depth `d` need a CLOSE (captured or to-be-closed slots above it)?
bool FuncGen::needsClose(int d) const {
  for (const Active& a : actives_) {
    if (a.slot >= d && (a.captured || a.tbc)) return true;
  }
  return false;
}

bool FuncGen::needsCloseBetween(int low, int high) const {
  for (const Active& a : actives_) {
    if (a.slot >= low && a.slot < high && (a.captured || a.tbc)) return true;
  }
  return false;
}

// --- blocks ---

// `entryDepth` is where the block's slots start: loops own their hidden
// state, which is pushed before the block opens.
void FuncGen::openBlock(bool isLoop, int breakDepth, int entryDepth) {
  blocks_.push_back({labels_.size(), pendingGotos_.size(), actives_.size(), entryDepth < 0 ? depth_ : entryDepth,
                     isLoop, breakDepth, {}, false, false});
}

// Ends the innermost block: closes its captured variables (at `line`, the
// block's last token, where Lua closes them), pops its slots, moves its
// unresolved gotos out, forgets its labels.
void FuncGen::closeBlock(int line) {
  BlockInfo& b = blocks_.back();
  bool close = needsClose(b.entryDepth);
  // The locals' scope ends before the CLOSE, as in Lua.
  for (size_t i = b.firstActive; i < actives_.size(); i++) endLocal(actives_[i]);
  line_ = line;
  if (close) emitAx(OP_CLOSE, uint32_t(b.entryDepth));
  emitPop(depth_ - b.entryDepth);
  endScope(b, close);
}

// Forgets the block's locals and labels without emitting code.
void FuncGen::endScope(BlockInfo& b, bool closed) {
  for (size_t i = b.firstActive; i < actives_.size(); i++) endLocal(actives_[i]);
  actives_.resize(b.firstActive);
  labels_.resize(b.firstLabel);
  for (size_t i = b.firstGoto; i < pendingGotos_.size(); i++) {
    Goto& g = pendingGotos_[i];
    if (g.depth > b.entryDepth) {
      g.depth = b.entryDepth;
      if (closed) g.needsClose = true;
    }
    if (g.vars > b.firstActive) g.vars = b.firstActive;
  }
  blocks_.pop_back();
}

FuncGen::BlockInfo* FuncGen::innermostLoop() {
  for (size_t i = blocks_.size(); i-- > 0;) {
    if (blocks_[i].isLoop) return &blocks_[i];
  }
  return nullptr;
}

// Statements of a block, from the `first`, with the label-at-end rule of
// §3.3.4: a label followed only by void statements is outside the scope of
// the block's locals.
void FuncGen::statements(Block& b, bool labelsMayEnd, size_t first) {
  size_t n = b.stmts.size();
  size_t lastNonVoid = n;
  for (size_t i = n; i-- > 0;) {
    if (b.stmts[i]->kind != StmtKind::Label) {
      lastNonVoid = i;
      break;
    }
  }
  for (size_t i = first; i < n; i++) {
    Stmt& s = *b.stmts[i];
    line_ = s.line;
    if (s.kind == StmtKind::Label) {
      bool atEnd = labelsMayEnd && (lastNonVoid == n || i > lastNonVoid);
      // Scope errors are reported at the token after the label, as Lua does.
      int nextLine = i + 1 < n ? b.stmts[i + 1]->line : (b.endLine ? b.endLine : s.line);
      label(static_cast<LabelStmt&>(s), atEnd, nextLine);
    } else {
      statement(s);
    }
  }
}

// --- gotos and labels ---

const FuncGen::Label* FuncGen::findLabel(const std::string& name) const {
  for (const Label& l : labels_) {
    if (l.name == name) return &l;
  }
  return nullptr;
}

void FuncGen::label(LabelStmt& s, bool atEnd, int nextLine) {
  if (const Label* old = findLabel(s.label)) {
    error("label '" + s.label + "' already defined on line " + std::to_string(old->line), s.line);
  }
  BlockInfo& b = blocks_.back();
  int d = atEnd ? b.entryDepth : depth_;
  size_t vars = atEnd ? b.firstActive : actives_.size();
  // Resolve the pending gotos of this block that name it.
  bool anyGoto = false, close = false;
  for (size_t i = b.firstGoto; i < pendingGotos_.size();) {
    Goto& g = pendingGotos_[i];
    if (g.name != s.label) {
      i++;
      continue;
    }
    if (g.vars < vars) {
      // Compile-time constants count too, as in Lua.
      std::string local = actives_[g.vars].name;
      error("<goto " + g.name + "> at line " + std::to_string(g.line) + " jumps into the scope of local '" + local + "'", nextLine);
    }
    anyGoto = true;
    close = close || g.needsClose || needsCloseBetween(d, g.depth);
    patchHere(g.jumpPc);
    pendingGotos_.erase(pendingGotos_.begin() + long(i));
  }
  line_ = s.endLine;
  if (anyGoto) {
    // Gotos arrive with a deeper stack than the fall-through path may have.
    if (close) emitAx(OP_CLOSE, uint32_t(d));
    emitAx(OP_SETTOP, uint32_t(d));
  }
  if (atEnd && d < depth_) {
    // Falling through reaches the label too: its locals are out of scope here.
    if (needsClose(d)) emitAx(OP_CLOSE, uint32_t(d));
    if (!anyGoto) emitAx(OP_SETTOP, uint32_t(d));
    depth_ = d;
  }
  labels_.push_back({s.label, target(), d, s.line});
}

// A goto's jump is at the line of the label's name.
void FuncGen::gotoStmt(GotoStmt& s) {
  line_ = s.endLine;
  if (const Label* l = findLabel(s.label)) {
    // Backward jump: the label's depth is known.
    int saved = depth_;
    if (needsClose(l->depth)) emitAx(OP_CLOSE, uint32_t(l->depth));
    emitPop(depth_ - l->depth);
    int j = emitJump(OP_JMP);
    patchJump(j, l->pc);
    depth_ = saved;
    return;
  }
  int j = emitJump(OP_JMP);
  pendingGotos_.push_back({s.label, j, depth_, s.line, false, actives_.size()});
}

// A break is one jump, as in Lua: the loop's exit drops the slots and closes
// the variables that breaks leave behind (see landBreaks).
void FuncGen::breakStmt(BreakStmt& s) {
  if (BlockInfo* b = innermostLoop()) {
    noteBreak(*b);
    b->breaks.push_back(emitJump(OP_JMP));
    return;
  }
  error("break outside loop at line " + std::to_string(s.line), s.line);
}

void FuncGen::noteBreak(BlockInfo& loop) {
  if (depth_ > loop.breakDepth) loop.deepBreak = true;
  if (needsClose(loop.breakDepth)) loop.closeBreak = true;
}

// The breaks of `loop` land here, with the fall-through path out of it: as
// in Lua, a CLOSE (at `line`, the loop's end) when a break leaves variables
// to close, and the depth settled for breaks that arrive with more slots.
void FuncGen::landBreaks(BlockInfo& loop, int line) {
  for (int j : loop.breaks) patchHere(j);
  loop.breaks.clear();
  line_ = line;
  if (loop.closeBreak) emitAx(OP_CLOSE, uint32_t(loop.breakDepth));
  if (loop.deepBreak) emitAx(OP_SETTOP, uint32_t(loop.breakDepth));
}

// --- statements ---

void FuncGen::statement(Stmt& s) {
  switch (s.kind) {
    case StmtKind::Local: localStmt(static_cast<LocalStmt&>(s)); break;
    case StmtKind::Assign: assign(static_cast<AssignStmt&>(s)); break;
    case StmtKind::Call: call(*static_cast<CallStmt&>(s).call, 0); break;
    case StmtKind::Do: {
      auto& body = static_cast<DoStmt&>(s).body;
      openBlock(false);
      statements(body);
      closeBlock(body.lastLine);
      break;
    }
    case StmtKind::While: whileStmt(static_cast<WhileStmt&>(s)); break;
    case StmtKind::Repeat: repeatStmt(static_cast<RepeatStmt&>(s)); break;
    case StmtKind::If: ifStmt(static_cast<IfStmt&>(s)); break;
    case StmtKind::NumericFor: numericFor(static_cast<NumericForStmt&>(s)); break;
    case StmtKind::GenericFor: genericFor(static_cast<GenericForStmt&>(s)); break;
    case StmtKind::LocalFunction: {
      auto& x = static_cast<LocalFunctionStmt&>(s);
      addActive(x.var.name, depth_, x.var.captured, false);
      function(*x.func);
      out_.locals[size_t(actives_.back().debugIndex)].startPc = pc();
      break;
    }
    case StmtKind::Return: returnStmt(static_cast<ReturnStmt&>(s)); break;
    case StmtKind::Break: breakStmt(static_cast<BreakStmt&>(s)); break;
    case StmtKind::Goto: gotoStmt(static_cast<GotoStmt&>(s)); break;
    case StmtKind::Label: break;  // handled by statements()
  }
}

// The values are adjusted at the statement's last token, where Lua adjusts
// them. A compile-time constant (Resolver.hpp) has neither a value nor a slot.
void FuncGen::localStmt(LocalStmt& s) {
  int first = depth_;
  size_t n = s.vars.size();
  bool constant = n > 0 && s.vars.back().isCompileTimeConstant;
  size_t slots = constant ? n - 1 : n;
  size_t count = constant ? s.values.size() - 1 : s.values.size();
  // Before a constant's value, the last value was adjusted at the ',' after it.
  int lastLine = constant && count > 0 ? s.values[count - 1]->followLine : s.endLine;
  exprList(s.values, int(slots), lastLine, count);
  for (size_t i = 0; i < slots; i++) {
    LocalVar& v = s.vars[i];
    addActive(v.name, first + int(i), v.captured, v.attrib == Attrib::Close);
    if (v.attrib == Attrib::Close) {
      line_ = s.endLine;
      emitAx(OP_TBC, uint32_t(first + int(i)));
    }
  }
  if (constant) actives_.push_back({s.vars.back().name, -1, -1, false, false});
}

// Stores are at the statement's last token, where Lua stores (a function
// statement's store at its first line: the definition "happens" there).
void FuncGen::assign(AssignStmt& s) {
  if (s.targets.size() == 1 && s.values.size() == 1) {
    singleAssign(s);
    return;
  }
  // Evaluate the tables and keys of the targets, then the values, then
  // assign from the last target to the first (as lua5.4 does).
  int prepBase = depth_;
  std::vector<Target> targets;
  for (auto& t : s.targets) {
    if (t->kind == ExprKind::Index) {
      targets.push_back(indexTarget(static_cast<IndexExpr&>(*t)));
      continue;
    }
    targets.push_back(Target{t.get()});
    auto& n = static_cast<NameExpr&>(*t);
    if (n.ref.kind != VarRef::Local) continue;
    // The stores run from the last target to the first: an earlier target
    // that reads this local in place (its table or key) reads a copy made
    // now, as in Lua.
    int copy = -1;
    for (Target& earlier : targets) {
      if (earlier.e->kind != ExprKind::Index) continue;
      for (int* slot : {&earlier.tableSlot, &earlier.keySlot}) {
        if (*slot != n.ref.index || *slot >= prepBase) continue;
        if (copy < 0) {
          line_ = n.endLine;
          copy = depth_;
          emitAx(OP_GETLOCAL, uint32_t(n.ref.index));
          push();
        }
        *slot = copy;
      }
    }
  }
  exprList(s.values, int(targets.size()), s.endLine);
  for (size_t i = targets.size(); i-- > 0;) storeTop(targets[i], s.endLine);
  emitPop(depth_ - prepBase);
}

void FuncGen::storeTop(const Target& tg, int line) {
  line_ = line;
  Expr& e = *tg.e;
  if (tg.upvalue >= 0) {
    emitAB(OP_SETTABUP, tg.upvalue, tg.k);
    pop();
    return;
  }
  if (e.kind == ExprKind::Index) {
    if (!storeInPlace(tg)) {
      if (tg.keySlot < 0) emitAB(OP_SETFIELDAT, tg.tableSlot, tg.k);
      else emitAB(OP_SETINDEXAT, tg.tableSlot, tg.keySlot);
    }
    pop();
    return;
  }
  auto& n = static_cast<NameExpr&>(e);
  switch (n.ref.kind) {
    case VarRef::Local: {
      const Instruction* last = fusable(pc() - 1);
      if (last && writesInPlace(*last)) line_ = out_.lines.back();
      emitAx(OP_SETLOCAL, uint32_t(n.ref.index));
      pop();
      break;
    }
    case VarRef::Upvalue: emitAx(OP_SETUPVAL, uint32_t(n.ref.index)); pop(); break;
    case VarRef::Global: {
      int k = stringConstant(n.name);
      if (n.ref.envKind == 0 && n.ref.envIndex <= kMaxA && k <= kMaxB) {
        emitAB(OP_SETTABUP, n.ref.envIndex, k);
        pop();
      } else if (n.ref.envKind == 1 && k <= kMaxB) {
        emitAB(OP_SETFIELDAT, n.ref.envIndex, k);
        pop();
      } else {
        // Rare: reorder to _ENV, value and store through SETTABLE.
        emitAx(n.ref.envKind == 0 ? OP_GETUPVAL : OP_GETLOCAL, uint32_t(n.ref.envIndex));
        push();
        emitAx(OP_K, uint32_t(k));
        push();
        emitAx(OP_GETLOCAL, uint32_t(depth_ - 3));  // the value
        push();
        emitNone(OP_SETTABLE);
        pop(3);
        emitPop(1);
      }
      break;
    }
    default: error("cannot assign", e.line);
  }
}

// A store into a table in a slot whose value the last instruction pushed
// from a local or as a constant: one instruction that takes the value where
// it is (format ABC: slots and constants up to 255). The push is the last
// instruction, so nothing runs between the value's read and the store.
bool FuncGen::storeInPlace(const Target& tg) {
  const Instruction* last = mergeable(pc() - 1);
  int key = tg.keySlot >= 0 ? tg.keySlot : tg.k;
  if (!last || tg.tableSlot < 0 || tg.tableSlot > kMaxA || key < 0 || key > kMaxA) return false;
  int value;
  bool constant = true;
  switch (opcodeOf(*last)) {
    case OP_GETLOCAL: value = int(argAx(*last)); constant = false; break;
    case OP_K: value = int(argAx(*last)); break;
    case OP_INT: {
      Constant c;
      c.kind = Constant::Integer;
      c.i = argSAx(*last);
      value = constantIndex(c);
      break;
    }
    case OP_TRUE: case OP_FALSE: case OP_NIL: {
      if (opcodeOf(*last) == OP_NIL && argAx(*last) != 1) return false;
      Constant c;
      c.kind = opcodeOf(*last) == OP_TRUE ? Constant::True : opcodeOf(*last) == OP_FALSE ? Constant::False : Constant::Nil;
      value = constantIndex(c);
      break;
    }
    default: return false;
  }
  if (value > kMaxA) return false;
  Opcode op = tg.keySlot >= 0 ? (constant ? OP_SETINDEX_LLK : OP_SETINDEX_LLL) : (constant ? OP_SETFIELD_LKK : OP_SETFIELD_LKL);
  replaceFrom(pc() - 1, makeABC(op, uint32_t(tg.tableSlot), uint32_t(key), uint32_t(value)));
  return true;
}

void FuncGen::singleAssign(AssignStmt& s) {
  Expr& target = *s.targets[0];
  Expr& value = *s.values[0];
  int storeLine = s.isFunctionStatement ? s.line : s.endLine;
  if (target.kind == ExprKind::Index) {
    int base = depth_;
    Target tg = indexTarget(static_cast<IndexExpr&>(target));
    expr(value, operandAt(storeLine));
    line_ = storeLine;
    // The store form that takes what was pushed (above `base`) from the
    // stack, below the value.
    bool tablePushed = tg.upvalue < 0 && tg.tableSlot >= base;
    bool keyPushed = tg.keySlot >= base;
    if (tablePushed && !keyPushed) {
      if (tg.keySlot < 0) emitAx(OP_SETFIELD, uint32_t(tg.k));
      else emitAx(OP_SETTABLE_SL, uint32_t(tg.keySlot));
      pop(2);
    } else if (keyPushed && !tablePushed) {
      emitAx(OP_SETTABLE_LS, uint32_t(tg.tableSlot));
      pop(2);
    } else if (tablePushed && tg.keySlot == tg.tableSlot + 1) {
      emitNone(OP_SETTABLE);
      pop(3);
    } else {
      // Nothing pushed (a local table, a local or constant key, an upvalue
      // with a string key), or an upvalue table fetched after its key.
      storeTop(tg, storeLine);
      emitPop(depth_ - base);
    }
    return;
  }
  // A local gets a copy of a local or a constant; upvalues and globals are
  // stored from where the value is.
  bool local = target.kind == ExprKind::Name && static_cast<NameExpr&>(target).ref.kind == VarRef::Local;
  expr(value, local ? valueAt(storeLine) : operandAt(storeLine));
  storeTop(Target{&target}, storeLine);
}

// The slot of a local variable `e` (in parentheses or not: Lua reads it
// where it is either way), or -1.
int FuncGen::localSlot(const Expr& e) {
  if (e.kind != ExprKind::Name) return -1;
  auto& n = static_cast<const NameExpr&>(e);
  return n.ref.kind == VarRef::Local ? n.ref.index : -1;
}

// The constant `key` that Lua keeps in place in a store (a string, an
// integer 0-255: SETFIELD, SETI), or -1.
int FuncGen::constantKeyOf(const Expr& key) {
  int k = -1;
  if (key.kind == ExprKind::String) {
    k = stringConstant(static_cast<const StringExpr&>(key).value);
  } else if (key.kind == ExprKind::Integer) {
    Integer i = static_cast<const IntegerExpr&>(key).value;
    if (i < 0 || i > kMaxIndexInPlace) return -1;  // Lua loads other integer keys
    Constant c;
    c.kind = Constant::Integer;
    c.i = i;
    k = constantIndex(c);
  }
  return k <= kMaxB ? k : -1;
}

// Evaluates what a store into `x` needs before the values, in Lua's order:
// a table that is not a local (an upvalue is fetched at the ']', after the
// key's code but before a constant key is loaded), the key. A local table
// or key, and a constant key that Lua keeps in place, are used where they
// are (no slot of the operand stack holds them), as is an upvalue table with
// a constant string key (SETTABUP).
FuncGen::Target FuncGen::indexTarget(IndexExpr& x) {
  Target tg{&x};
  tg.tableSlot = localSlot(*x.object);
  int upvalue = -1;
  if (tg.tableSlot < 0) {
    auto* n = x.object->kind == ExprKind::Name ? static_cast<NameExpr*>(x.object.get()) : nullptr;
    if (n && n->ref.kind == VarRef::Upvalue && !n->parenLine) {
      upvalue = n->ref.index;
    } else {
      tg.tableSlot = depth_;
      tableOperand(x);
    }
  }
  int k = constantKeyOf(*x.key);
  if (upvalue >= 0 && k >= 0 && x.key->kind == ExprKind::String && upvalue <= kMaxA) {
    tg.upvalue = upvalue;
    tg.k = k;
    return tg;
  }
  int keyLocal = localSlot(*x.key);
  bool keyCode = keyLocal < 0 && k < 0 && !isLiteral(*x.key);
  if (upvalue >= 0 && keyCode) {
    // The key's code runs first. Lua then puts the upvalue in a register,
    // below the key's unless the key's value already has one (a call, a
    // constructor...): the slots keep Lua's order (debug.getlocal sees it).
    expr(*x.key, keyUse(x));
    line_ = x.endLine;
    if (hasOwnRegister(*x.key)) {
      tg.keySlot = depth_ - 1;
      tg.tableSlot = depth_;
      emitAx(OP_GETUPVAL, uint32_t(upvalue));
    } else {
      tg.tableSlot = depth_ - 1;
      tg.keySlot = depth_;
      emitAx(OP_GETUPVAL_UNDER, uint32_t(upvalue));
    }
    push();
    return tg;
  }
  if (upvalue >= 0) {
    line_ = x.endLine;
    tg.tableSlot = depth_;
    emitAx(OP_GETUPVAL, uint32_t(upvalue));
    push();
  }
  if (keyLocal >= 0) {
    tg.keySlot = keyLocal;
  } else if (k >= 0) {
    tg.k = k;
  } else {
    tg.keySlot = depth_;
    expr(*x.key, keyUse(x));
  }
  return tg;
}

void FuncGen::whileStmt(WhileStmt& s) {
  int start = target();
  std::vector<int> exits;
  branch(*s.cond, false, lastTokenLine(*s.cond), exits);
  openBlock(true, depth_);
  statements(s.body);
  BlockInfo loop = blocks_.back();  // its breaks, after the block is gone
  // The jump back belongs to the body's last token, as in Lua.
  closeBlock(s.body.lastLine);
  patchJump(emitJump(OP_JMP), start);
  for (int j : exits) patchHere(j);
  landBreaks(loop, s.endLine);
}

void FuncGen::repeatStmt(RepeatStmt& s) {
  int start = target();
  openBlock(true, depth_);
  statements(s.body, false);
  // The condition sees the body's locals; it is tested at its last token.
  int line = lastTokenLine(*s.cond);
  BlockInfo& b = blocks_.back();
  int entry = b.entryDepth;
  bool close = needsClose(entry);
  int n = depth_ - entry;
  if (!close && n == 0) {
    std::vector<int> back;
    branch(*s.cond, false, line, back);
    for (int j : back) patchJump(j, start);
  } else {
    std::vector<int> exit;
    branch(*s.cond, true, line, exit);
    line_ = line;
    if (close) emitAx(OP_CLOSE, uint32_t(entry));
    if (n > 0) emitAx(OP_POP, uint32_t(n));
    patchJump(emitJump(OP_JMP), start);
    for (int j : exit) patchHere(j);
  }
  BlockInfo loop = blocks_.back();
  closeBlock(line);  // the exit path: close and pop
  landBreaks(loop, line);
}

// Each condition is tested at its `then` (the token after it).
void FuncGen::ifStmt(IfStmt& s) {
  std::vector<int> exits;
  for (size_t i = 0; i < s.conds.size(); i++) {
    Expr& cond = *s.conds[i];
    Block& block = s.blocks[i];
    bool last = i + 1 == s.conds.size() && !s.hasElse;
    if (breakIf(cond, block, last, exits)) continue;
    std::vector<int> next;
    branch(cond, false, cond.followLine, next);
    openBlock(false);
    statements(block);
    closeBlock(block.lastLine);
    if (!last) {
      line_ = block.lastLine;  // the jump past the other parts, before `else`
      exits.push_back(emitJump(OP_JMP));
    }
    for (int j : next) patchHere(j);
  }
  if (s.hasElse) {
    openBlock(false);
    statements(s.elseBlock);
    closeBlock(s.elseBlock.lastLine);
  }
  for (int j : exits) patchHere(j);
}

// `if cond then break ...`: as in Lua, the condition jumps out of the loop
// when it is true, and the rest of the block (dead code) is jumped over.
// False when the block does not start with a break.
bool FuncGen::breakIf(Expr& cond, Block& block, bool last, std::vector<int>& exits) {
  BlockInfo* loop = innermostLoop();
  if (block.stmts.empty() || block.stmts[0]->kind != StmtKind::Break || !loop) return false;
  noteBreak(*loop);
  branch(cond, true, cond.followLine, loop->breaks);
  std::vector<int> skip;
  if (block.stmts.size() > 1) {
    line_ = block.stmts[0]->endLine;
    skip.push_back(emitJump(OP_JMP));
    openBlock(false);
    statements(block, true, 1);
    closeBlock(block.lastLine);
    if (!last) {
      line_ = block.lastLine;
      exits.push_back(emitJump(OP_JMP));
    }
  }
  for (int j : skip) patchHere(j);
  return true;
}

// Lua's lines: the initial values at their last tokens, FORPREP at `do`,
// FORLOOP at `for`.
void FuncGen::numericFor(NumericForStmt& s) {
  int base = depth_;
  expr(*s.start, valueAt(lastTokenLine(*s.start)));
  expr(*s.limit, valueAt(lastTokenLine(*s.limit)));
  if (s.step) expr(*s.step, valueAt(lastTokenLine(*s.step)));
  else integer(1, valueAt(lastTokenLine(*s.limit)));
  line_ = s.doLine;
  int prep = emitAB(OP_FORPREP, base, 0);
  push();  // the control variable
  openBlock(true, base + 4, base);
  for (int j = 0; j < 3; j++) addActive("(for state)", base + j, false, false);
  int bodyStart = target();
  // The control variable belongs to the body, as in Lua: FORLOOP is out of
  // its scope (debug.getlocal does not see it there).
  openBlock(false);
  addActive(s.var.name, base + 3, s.var.captured, false);
  statements(s.body);
  closeBlock(s.body.lastLine);
  // FORLOOP drops what the body left above the loop's state itself.
  dropTrailingPop();
  // A fresh variable each iteration (§3.3.5): close captures of it.
  if (s.var.captured) emitAx(OP_CLOSE, uint32_t(base + 3));
  line_ = s.line;
  int loop = emitAB(OP_FORLOOP, base, 0);
  patchDistance(loop, pc() - bodyStart);
  patchDistance(prep, target() - (prep + 1));
  endLoop(base, s.endLine, s.line);
}

// Ends a loop block whose hidden state starts at `base`: breaks land here
// (see landBreaks, at `breakLine`), and the state is closed (a generic for's
// closing value, at `line`) and dropped.
void FuncGen::endLoop(int base, int breakLine, int line) {
  BlockInfo& b = blocks_.back();
  landBreaks(b, breakLine);
  line_ = line;
  bool close = needsClose(base);
  if (close) emitAx(OP_CLOSE, uint32_t(base));
  endScope(b, close);
  emitPop(depth_ - base);
}

// Lua's lines: the explist adjusted at its last token, TFORPREP at `do`,
// TFORCALL and TFORLOOP at the first token after `in`.
void FuncGen::genericFor(GenericForStmt& s) {
  int base = depth_;
  exprList(s.exprs, 4, lastTokenLine(*s.exprs.back()));
  int nvars = int(s.vars.size());
  line_ = s.doLine;
  nils(nvars);
  int prep = emitAB(OP_TFORPREP, base, 0);
  openBlock(true, base + 4 + nvars, base);
  for (int j = 0; j < 4; j++) addActive("(for state)", base + j, false, j == 3);
  int bodyStart = target();
  openBlock(false);  // the variables belong to the body, as in Lua (not to TFORCALL)
  for (int i = 0; i < nvars; i++) addActive(s.vars[size_t(i)].name, base + 4 + i, s.vars[size_t(i)].captured, false);
  statements(s.body);
  closeBlock(s.body.lastLine);
  bool capturedVar = false;
  for (auto& v : s.vars) capturedVar = capturedVar || v.captured;
  if (capturedVar) emitAx(OP_CLOSE, uint32_t(base + 4));
  line_ = s.iteratorLine;
  patchDistance(prep, target() - (prep + 1));
  emitAB(OP_TFORCALL, base, nvars);
  int loop = emitAB(OP_TFORLOOP, base, 0);
  patchDistance(loop, pc() - bodyStart);
  // Leaving the loop (closing its state) belongs to its `end`, as in Lua.
  endLoop(base, s.body.endLine, s.body.endLine);
}

// A return is at its last token (a ';' after it excluded).
void FuncGen::returnStmt(ReturnStmt& s) {
  int saved = depth_;
  int first = depth_;
  line_ = s.endLine;
  bool tbcActive = false;
  for (const Active& a : actives_) tbcActive = tbcActive || a.tbc;
  if (s.values.size() == 1 && s.values[0]->kind != ExprKind::Paren && !tbcActive &&
      (s.values[0]->kind == ExprKind::Call || s.values[0]->kind == ExprKind::MethodCall)) {
    // A tail call (§3.4.10).
    call(*s.values[0], kMultRet);
    Instruction& c = out_.code.back();
    uint32_t slot = argA(c);
    c = makeAx(OP_TAILCALL, slot);
    // Reached only when a native callee yielded and the coroutine resumed:
    // its results are then returned from here.
    line_ = s.endLine;
    emitAB(OP_RETURN, int(slot), 0);
    depth_ = saved;
    return;
  }
  if (s.values.empty()) {
    emitNone(OP_RETURN0);
  } else if (s.values.size() == 1 && !s.values[0]->isMultiValue()) {
    expr(*s.values[0], operandAt(s.endLine));
    line_ = s.endLine;
    emitNone(OP_RETURN1);
  } else {
    bool dynamic = exprList(s.values, kMultRet, s.endLine);
    line_ = s.endLine;
    emitAB(OP_RETURN, first, dynamic ? 0 : depth_ - first + 1);
  }
  depth_ = saved;
}

std::unique_ptr<FunctionCode> generateCode(Chunk& chunk, std::string_view chunkname) {
  auto out = std::make_unique<FunctionCode>();
  std::string id = chunkId(chunkname);
  FuncGen gen(*out, *chunk.main, id);
  gen.generate(true);
  return out;
}

}  // namespace tycho
