// CodeGen: expressions, statements, blocks, gotos (see CodeGen.hpp).
#include "compiler/CodeGen.hpp"

#include <cstring>
#include <unordered_map>

#include "compiler/Lexer.hpp"
#include "runtime/ChunkId.hpp"

namespace tycho {

using namespace ast;

namespace {

constexpr int kFieldsPerFlush = 50;  // LFIELDS_PER_FLUSH
constexpr int kMultRet = -1;

class FuncGen {
 public:
  FuncGen(FunctionCode& out, FunctionExpr& fn, const std::string& chunkId)
      : out_(out), fn_(fn), chunkId_(chunkId) {}

  void generate(bool isMain) {
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
    line_ = fn_.endLine;
    closeBlock();
    emitNone(OP_RETURN0);
    for (auto& g : pendingGotos_) {
      error("no visible label '" + g.name + "' for <goto> at line " + std::to_string(g.line), g.line);
    }
    for (size_t i = 0; i < actives_.size(); i++) endLocal(actives_[i]);
    out_.maxStack = maxDepth_;
  }

 private:
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
  };
  struct BlockInfo {
    size_t firstLabel;
    size_t firstGoto;
    size_t firstActive;
    int entryDepth;
    bool isLoop;
    int breakDepth;            // loops: stack depth where breaks land
    std::vector<int> breaks;   // loops: JMPs to patch to the exit
  };

  [[noreturn]] void error(const std::string& msg, int line) {
    throw CompileError{chunkId_ + ":" + std::to_string(line) + ": " + msg};
  }

  // --- emission ---

  int pc() const { return int(out_.code.size()); }

  int emit(Instruction i) {
    out_.code.push_back(i);
    out_.lines.push_back(line_);
    return pc() - 1;
  }
  int emitNone(Opcode op) { return emit(makeNone(op)); }
  int emitAx(Opcode op, uint32_t ax) {
    if (ax > uint32_t(kMaxAx)) error("function or expression too complex", line_);
    return emit(makeAx(op, ax));
  }
  int emitAB(Opcode op, int a, int b) {
    if (a < 0 || a > kMaxA || b < 0 || b > kMaxB) error("function or expression too complex", line_);
    return emit(makeAB(op, uint32_t(a), uint32_t(b)));
  }
  int emitJump(Opcode op) { return emit(makeSAx(op, 0)); }

  // Marks the current position as a jump target: instructions before it can
  // no longer be fused with the ones after it.
  int target() {
    lastTarget_ = pc();
    return lastTarget_;
  }

  // The instruction at `at`, when it can be folded into the next one (it is
  // in the current straight-line run of code).
  const Instruction* fusable(int at) const {
    if (at < 0 || at < lastTarget_ || at >= pc()) return nullptr;
    return &out_.code[size_t(at)];
  }
  // Replaces the instructions from `at` on with `i`.
  void replaceFrom(int at, Instruction i) {
    out_.code.resize(size_t(at));
    out_.lines.resize(size_t(at));
    emit(i);
  }

  // Points the jump at `from` to `target`.
  void patchJump(int from, int target) {
    int offset = target - (from + 1);
    if (offset > kMaxSAx || offset < kMinSAx) error("control structure too long", line_);
    Instruction i = out_.code[size_t(from)];
    out_.code[size_t(from)] = makeSAx(opcodeOf(i), offset);
  }
  void patchHere(int from) { patchJump(from, target()); }

  // Sets the B (distance) operand of loop instructions.
  void patchDistance(int at, int distance) {
    if (distance < 0 || distance > kMaxB) error("control structure too long", line_);
    Instruction i = out_.code[size_t(at)];
    out_.code[size_t(at)] = makeAB(opcodeOf(i), argA(i), uint32_t(distance));
  }

  void push(int n = 1) {
    depth_ += n;
    if (depth_ > maxDepth_) {
      maxDepth_ = depth_;
      if (maxDepth_ > kMaxStackSlots) error("function or expression needs too many registers", line_);
    }
  }
  void pop(int n = 1) { depth_ -= n; }

  void emitPop(int n) {
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

  int constantIndex(const Constant& c) {
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
  int stringConstant(const std::string& s) {
    Constant c;
      c.kind = Constant::String;
    c.s = s;
    return constantIndex(c);
  }

  // --- locals ---

  // `debugInfo`: whether the variable is listed in the debug information
  // (Lua lists no <const> variable whose value is a literal: it is folded).
  void addActive(const std::string& name, int slot, bool captured, bool tbc, bool debugInfo = true) {
    int debugIndex = -1;
    if (debugInfo) {
      out_.locals.push_back(FunctionCode::Local{name, pc(), -1, slot});
      debugIndex = int(out_.locals.size()) - 1;
    }
    actives_.push_back({name, slot, debugIndex, captured, tbc});
  }

  static bool isLiteral(const Expr& e) {
    switch (e.kind) {
      case ExprKind::Nil: case ExprKind::True: case ExprKind::False:
      case ExprKind::Integer: case ExprKind::Float: case ExprKind::String:
        return true;
      default:
        return false;
    }
  }
  void endLocal(const Active& a) {
    if (a.debugIndex >= 0 && out_.locals[size_t(a.debugIndex)].endPc < 0) out_.locals[size_t(a.debugIndex)].endPc = pc();
  }

  // Does leaving to depth `d` need a CLOSE (captured or to-be-closed slots above it)?
  bool needsClose(int d) const {
    for (const Active& a : actives_) {
      if (a.slot >= d && (a.captured || a.tbc)) return true;
    }
    return false;
  }

  // --- blocks ---

  // `entryDepth` is where the block's slots start: loops own their hidden
  // state, which is pushed before the block opens.
  void openBlock(bool isLoop, int breakDepth = 0, int entryDepth = -1) {
    blocks_.push_back({labels_.size(), pendingGotos_.size(), actives_.size(), entryDepth < 0 ? depth_ : entryDepth,
                       isLoop, breakDepth, {}});
  }

  // Ends the innermost block: closes its captured variables, pops its slots,
  // moves its unresolved gotos out, forgets its labels.
  void closeBlock() {
    BlockInfo& b = blocks_.back();
    bool close = needsClose(b.entryDepth);
    if (close) emitAx(OP_CLOSE, uint32_t(b.entryDepth));
    emitPop(depth_ - b.entryDepth);
    endScope(b, close);
  }

  // Forgets the block's locals and labels without emitting code.
  void endScope(BlockInfo& b, bool closed) {
    for (size_t i = b.firstActive; i < actives_.size(); i++) endLocal(actives_[i]);
    actives_.resize(b.firstActive);
    labels_.resize(b.firstLabel);
    for (size_t i = b.firstGoto; i < pendingGotos_.size(); i++) {
      Goto& g = pendingGotos_[i];
      if (g.depth > b.entryDepth) {
        g.depth = b.entryDepth;
        if (closed) g.needsClose = true;
      }
    }
    blocks_.pop_back();
  }

  // Statements of a block, with the label-at-end rule of §3.3.4: a label
  // followed only by void statements is outside the scope of the block's locals.
  void statements(Block& b, bool labelsMayEnd = true) {
    size_t n = b.stmts.size();
    size_t lastNonVoid = n;
    for (size_t i = n; i-- > 0;) {
      if (b.stmts[i]->kind != StmtKind::Label) {
        lastNonVoid = i;
        break;
      }
    }
    for (size_t i = 0; i < n; i++) {
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

  const Label* findLabel(const std::string& name) const {
    for (const Label& l : labels_) {
      if (l.name == name) return &l;
    }
    return nullptr;
  }

  void label(LabelStmt& s, bool atEnd, int nextLine) {
    if (const Label* old = findLabel(s.label)) {
      error("label '" + s.label + "' already defined on line " + std::to_string(old->line), s.line);
    }
    BlockInfo& b = blocks_.back();
    int d = atEnd ? b.entryDepth : depth_;
    // Resolve the pending gotos of this block that name it.
    bool anyGoto = false, close = false;
    for (size_t i = b.firstGoto; i < pendingGotos_.size();) {
      Goto& g = pendingGotos_[i];
      if (g.name != s.label) {
        i++;
        continue;
      }
      if (g.depth < d) {
        std::string local = "?";
        for (const Active& a : actives_) {
          if (a.slot == g.depth) local = a.name;
        }
        error("<goto " + g.name + "> at line " + std::to_string(g.line) + " jumps into the scope of local '" + local + "'", nextLine);
      }
      anyGoto = true;
      close = close || g.needsClose || needsCloseBetween(d, g.depth);
      patchHere(g.jumpPc);
      pendingGotos_.erase(pendingGotos_.begin() + long(i));
    }
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

  bool needsCloseBetween(int low, int high) const {
    for (const Active& a : actives_) {
      if (a.slot >= low && a.slot < high && (a.captured || a.tbc)) return true;
    }
    return false;
  }

  void gotoStmt(GotoStmt& s) {
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
    pendingGotos_.push_back({s.label, j, depth_, s.line, false});
  }

  void breakStmt(BreakStmt& s) {
    for (size_t i = blocks_.size(); i-- > 0;) {
      BlockInfo& b = blocks_[i];
      if (!b.isLoop) continue;
      int saved = depth_;
      if (needsClose(b.breakDepth)) emitAx(OP_CLOSE, uint32_t(b.breakDepth));
      emitPop(depth_ - b.breakDepth);
      b.breaks.push_back(emitJump(OP_JMP));
      depth_ = saved;
      return;
    }
    error("break outside loop at line " + std::to_string(s.line), s.line);
  }

  // --- expressions ---

  // Pushes exactly one value.
  void expr(Expr& e) {
    if (leftChild(e)) {
      int start = leftOperand(e);
      finishLink(e, start, 1);
      return;
    }
    int saved = line_;
    line_ = e.line;
    switch (e.kind) {
      case ExprKind::Nil: emitAx(OP_NIL, 1); push(); break;
      case ExprKind::True: emitNone(OP_TRUE); push(); break;
      case ExprKind::False: emitNone(OP_FALSE); push(); break;
      case ExprKind::Integer: integer(static_cast<IntegerExpr&>(e).value); break;
      case ExprKind::Float: {
        Constant c;
      c.kind = Constant::Float;
        c.n = static_cast<FloatExpr&>(e).value;
        emitAx(OP_K, uint32_t(constantIndex(c)));
        push();
        break;
      }
      case ExprKind::String:
        emitAx(OP_K, uint32_t(stringConstant(static_cast<StringExpr&>(e).value)));
        push();
        break;
      case ExprKind::Vararg: emitAx(OP_VARARG, 2); push(); break;
      case ExprKind::Function: function(static_cast<FunctionExpr&>(e)); break;
      case ExprKind::Table: table(static_cast<TableExpr&>(e)); break;
      case ExprKind::Unary: unary(static_cast<UnaryExpr&>(e)); break;
      case ExprKind::Name: nameGet(static_cast<NameExpr&>(e)); break;
      case ExprKind::Binary: case ExprKind::Index: case ExprKind::Call: case ExprKind::MethodCall:
        break;  // chain links: see above
      case ExprKind::Paren: expr(*static_cast<ParenExpr&>(e).inner); break;
    }
    line_ = saved;
  }

  // Evaluates the left operand of chain link `top`, and so the whole left
  // chain below it, with a loop (see "left chains" in Ast.hpp). Returns the
  // pc where the operand's code starts.
  int leftOperand(Expr& top) {
    size_t mark = chain_.size();
    Expr* e = leftChild(top)->get();
    while (ExprPtr* left = leftChild(*e)) {
      chain_.push_back(e);
      e = left->get();
    }
    int start = pc();
    expr(*e);
    while (chain_.size() > mark) {
      Expr& link = *chain_.back();
      chain_.pop_back();
      finishLink(link, start, 1);
    }
    return start;
  }

  // Completes chain link `e`, whose left operand is on top of the stack and
  // has its code from `start` on; a call leaves `want` results.
  void finishLink(Expr& e, int start, int want) {
    int saved = line_;
    line_ = e.line;
    switch (e.kind) {
      case ExprKind::Index: index(static_cast<IndexExpr&>(e), start); break;
      case ExprKind::Binary: binary(static_cast<BinaryExpr&>(e), start); break;
      case ExprKind::Call: case ExprKind::MethodCall: finishCall(e, want); break;
      default: break;
    }
    line_ = saved;
  }

  void index(IndexExpr& x, int objectStart) {
    if (x.key->kind == ExprKind::String) {
      line_ = x.line;
      uint32_t key = uint32_t(stringConstant(static_cast<StringExpr&>(*x.key).value));
      const Instruction* object = pc() - objectStart == 1 ? fusable(objectStart) : nullptr;
      if (object && opcodeOf(*object) == OP_GETLOCAL && key <= uint32_t(kMaxB)) {
        replaceFrom(objectStart, makeAB(OP_GETFIELD_L, argAx(*object), key));
      } else {
        emitAx(OP_GETFIELD, key);
      }
      return;
    }
    int keyStart = pc();
    expr(*x.key);
    line_ = x.line;
    const Instruction* key = pc() - keyStart == 1 ? fusable(keyStart) : nullptr;
    if (key && opcodeOf(*key) == OP_GETLOCAL) replaceFrom(keyStart, makeAx(OP_GETTABLE_L, argAx(*key)));
    else emitNone(OP_GETTABLE);
    pop();
  }

  void integer(Integer v) {
    if (v >= kMinSAx && v <= kMaxSAx) {
      emit(makeSAx(OP_INT, int32_t(v)));
    } else {
      Constant c;
      c.kind = Constant::Integer;
      c.i = v;
      emitAx(OP_K, uint32_t(constantIndex(c)));
    }
    push();
  }

  // Pushes `want` values from a possibly multi-valued expression; kMultRet
  // pushes all of them (the depth then counts none of them: the consumer
  // takes them up to the runtime top).
  void exprN(Expr& e, int want) {
    if (e.kind == ExprKind::Call || e.kind == ExprKind::MethodCall) {
      call(e, want);
    } else if (e.kind == ExprKind::Vararg) {
      line_ = e.line;
      emitAx(OP_VARARG, uint32_t(want == kMultRet ? 0 : want + 1));
      if (want > 0) push(want);
    } else {
      expr(e);
      if (want == 0) emitPop(1);
      else if (want > 1) nils(want - 1);
    }
  }

  void nils(int n) {
    if (n > 0) {
      emitAx(OP_NIL, uint32_t(n));
      push(n);
    }
  }

  // Evaluates a list adjusted to `want` values (kMultRet: all values; the
  // result is then "dynamic" and the consumer reads up to the runtime top).
  // Returns true when the number of values is dynamic.
  bool exprList(ExprList& list, int want) {
    if (list.empty()) {
      if (want > 0) nils(want);
      return false;
    }
    int n = int(list.size());
    for (int i = 0; i < n - 1; i++) expr(*list[size_t(i)]);
    Expr& last = *list.back();
    if (want == kMultRet) {
      if (last.isMultiValue()) {
        exprN(last, kMultRet);
        return true;
      }
      expr(last);
      return false;
    }
    int rest = want - (n - 1);
    if (rest >= 0) {
      exprN(last, rest);
    } else {
      // Extra expressions are evaluated, in order, then dropped.
      expr(last);
      emitPop(n - want);
    }
    return false;
  }

  void nameGet(NameExpr& n) {
    switch (n.ref.kind) {
      case VarRef::Local: emitAx(OP_GETLOCAL, uint32_t(n.ref.index)); push(); break;
      case VarRef::Upvalue: emitAx(OP_GETUPVAL, uint32_t(n.ref.index)); push(); break;
      case VarRef::Global: {
        int k = stringConstant(n.name);
        if (n.ref.envKind == 0 && n.ref.envIndex <= kMaxA && k <= kMaxB) {
          emitAB(OP_GETTABUP, n.ref.envIndex, k);
          push();
        } else {
          emitAx(n.ref.envKind == 0 ? OP_GETUPVAL : OP_GETLOCAL, uint32_t(n.ref.envIndex));
          push();
          emitAx(OP_GETFIELD, uint32_t(k));
        }
        break;
      }
      default: error("unresolved name '" + n.name + "'", n.line);
    }
  }

  void function(FunctionExpr& f) {
    auto child = std::make_unique<FunctionCode>();
    FuncGen gen(*child, f, chunkId_);
    gen.generate(false);
    out_.protos.push_back(std::move(child));
    // A closure is made where its definition ends, as in lua5.4 (line hooks
    // and activelines see it there).
    line_ = f.endLine ? f.endLine : f.line;
    emitAx(OP_CLOSURE, uint32_t(out_.protos.size() - 1));
    push();
  }

  void table(TableExpr& t) {
    int positional = 0;
    int hashSize = 0;
    for (auto& item : t.items) {
      if (item.kind == TableItem::Positional) positional++; else hashSize++;
    }
    bool lastMulti = !t.items.empty() && t.items.back().kind == TableItem::Positional && t.items.back().value->isMultiValue();
    int arraySize = lastMulti ? positional - 1 : positional;
    int slot = depth_;
    emitAB(OP_NEWTABLE, hashSize > kMaxA ? kMaxA : hashSize, arraySize > kMaxB ? kMaxB : arraySize);
    push();
    int pending = 0;       // positional values on the stack
    long long stored = 0;  // positional values already stored
    auto flush = [&](int count) {
      emitAB(OP_SETLIST, slot, count);
      if (stored + 1 > kMaxAx) error("constructor too long", line_);
      emitAx(OP_EXTRAARG, uint32_t(stored + 1));
    };
    for (size_t i = 0; i < t.items.size(); i++) {
      TableItem& item = t.items[i];
      line_ = item.line;
      if (item.kind == TableItem::Keyed) {
        if (item.key->kind == ExprKind::String) {
          int k = stringConstant(static_cast<StringExpr&>(*item.key).value);
          expr(*item.value);
          if (k <= kMaxB) {
            emitAB(OP_SETFIELDAT, slot, k);
            pop();
            continue;
          }
          // Too many constants for the short form: evaluate the key too.
          emitPop(1);
        }
        expr(*item.key);
        expr(*item.value);
        emitAx(OP_SETKEYAT, uint32_t(slot));
        pop(2);
        continue;
      }
      bool last = i + 1 == t.items.size();
      if (last && item.value->isMultiValue()) {
        exprN(*item.value, kMultRet);
        flush(0);
        pop(pending);
        stored += pending;
        pending = 0;
        continue;
      }
      expr(*item.value);
      pending++;
      if (pending == kFieldsPerFlush) {
        flush(pending);
        pop(pending);
        stored += pending;
        pending = 0;
      }
    }
    if (pending > 0) {
      flush(pending);
      pop(pending);
    }
  }

  // `b` with its left operand on the stack, its code from lhsStart on.
  void binary(BinaryExpr& b, int lhsStart) {
    if (b.op == BinOp::And || b.op == BinOp::Or) {
      line_ = b.line;
      int j = emitJump(b.op == BinOp::And ? OP_ANDJ : OP_ORJ);
      pop();
      expr(*b.rhs);
      patchHere(j);
      return;
    }
    if (b.op == BinOp::Concat) {
      // a .. b .. c is right-associative: concatenate the whole chain at once.
      // Only the right operand chain is flattened: a concatenation on the
      // left can only come from parentheses and was evaluated first, as written.
      int first = depth_ - 1;
      int count = 1;
      Expr* rhs = b.rhs.get();
      while (rhs->kind == ExprKind::Binary && static_cast<BinaryExpr*>(rhs)->op == BinOp::Concat) {
        expr(*static_cast<BinaryExpr*>(rhs)->lhs);
        count++;
        rhs = static_cast<BinaryExpr*>(rhs)->rhs.get();
      }
      expr(*rhs);
      count++;
      line_ = b.line;
      emitAB(OP_CONCAT, first, count);
      pop(count - 1);
      return;
    }
    int rhsStart = pc();
    expr(*b.rhs);
    line_ = b.line;
    emitBinary(binaryOpcode(b.op), lhsStart, rhsStart);
    pop();
  }

  // Emits a binary operator, folding operands that are a single GETLOCAL or
  // constant push into one of its operand forms (see Opcodes.hpp).
  void emitBinary(Opcode op, int lhsStart, int rhsStart) {
    const Instruction* right = pc() - rhsStart == 1 ? fusable(rhsStart) : nullptr;
    const Instruction* left = rhsStart - lhsStart == 1 ? fusable(lhsStart) : nullptr;
    int rightConstant = -1;
    if (right && opcodeOf(*right) == OP_K) {
      rightConstant = int(argAx(*right));
    } else if (right && opcodeOf(*right) == OP_INT) {
      Constant c;
      c.kind = Constant::Integer;
      c.i = argSAx(*right);
      rightConstant = constantIndex(c);
    }
    bool leftLocal = left && opcodeOf(*left) == OP_GETLOCAL;
    if (right && opcodeOf(*right) == OP_GETLOCAL) {
      uint32_t slot = argAx(*right);
      if (leftLocal) replaceFrom(lhsStart, makeAB(Opcode(int(op) + int(kFormLL)), argAx(*left), slot));
      else replaceFrom(rhsStart, makeAx(Opcode(int(op) + int(kFormL)), slot));
    } else if (rightConstant >= 0 && rightConstant <= kMaxB) {
      if (leftLocal) replaceFrom(lhsStart, makeAB(Opcode(int(op) + int(kFormLK)), argAx(*left), uint32_t(rightConstant)));
      else replaceFrom(rhsStart, makeAx(Opcode(int(op) + int(kFormK)), uint32_t(rightConstant)));
    } else {
      emitNone(op);
    }
    pop();  // two operands in, one result out
    push();
  }

  static Opcode binaryOpcode(BinOp op) {
    switch (op) {
      case BinOp::Add: return OP_ADD;
      case BinOp::Sub: return OP_SUB;
      case BinOp::Mul: return OP_MUL;
      case BinOp::Div: return OP_DIV;
      case BinOp::IDiv: return OP_IDIV;
      case BinOp::Mod: return OP_MOD;
      case BinOp::Pow: return OP_POW;
      case BinOp::Eq: return OP_EQ;
      case BinOp::Ne: return OP_NE;
      case BinOp::Lt: return OP_LT;
      case BinOp::Le: return OP_LE;
      case BinOp::Gt: return OP_GT;
      case BinOp::Ge: return OP_GE;
      case BinOp::BAnd: return OP_BAND;
      case BinOp::BOr: return OP_BOR;
      case BinOp::BXor: return OP_BXOR;
      case BinOp::Shl: return OP_SHL;
      case BinOp::Shr: return OP_SHR;
      case BinOp::Concat: case BinOp::And: case BinOp::Or: break;  // compiled by binary()
    }
    return OP_CONCAT;
  }

  void unary(UnaryExpr& u) {
    expr(*u.operand);
    line_ = u.line;
    static const Opcode kOps[] = {OP_UNM, OP_NOT, OP_LEN, OP_BNOT};
    emitNone(kOps[int(u.op)]);
  }

  // A call leaving `want` results (kMultRet: all, dynamic).
  void call(Expr& e, int want) {
    int start = leftOperand(e);
    finishLink(e, start, want);
  }

  // A call whose function (or method object) is on top of the stack.
  void finishCall(Expr& e, int want) {
    int base = depth_ - 1;
    ExprList* args;
    if (e.kind == ExprKind::MethodCall) {
      auto& m = static_cast<MethodCallExpr&>(e);
      line_ = m.nameLine;
      emitAx(OP_SELF, uint32_t(stringConstant(m.method)));
      push();
      args = &m.args;
    } else {
      args = &static_cast<CallExpr&>(e).args;
    }
    exprList(*args, kMultRet);
    line_ = e.line;
    emitAB(OP_CALL, base, want == kMultRet ? 0 : want + 1);
    depth_ = base;
    if (want != kMultRet) push(want);
  }

  // --- statements ---

  void statement(Stmt& s) {
    switch (s.kind) {
      case StmtKind::Local: localStmt(static_cast<LocalStmt&>(s)); break;
      case StmtKind::Assign: assign(static_cast<AssignStmt&>(s)); break;
      case StmtKind::Call: call(*static_cast<CallStmt&>(s).call, 0); break;
      case StmtKind::Do: {
        openBlock(false);
        statements(static_cast<DoStmt&>(s).body);
        closeBlock();
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

  void localStmt(LocalStmt& s) {
    int first = depth_;
    exprList(s.values, int(s.vars.size()));
    for (size_t i = 0; i < s.vars.size(); i++) {
      LocalVar& v = s.vars[i];
      bool folded = v.attrib == Attrib::Const && i < s.values.size() && isLiteral(*s.values[i]);
      addActive(v.name, first + int(i), v.captured, v.attrib == Attrib::Close, !folded);
      if (v.attrib == Attrib::Close) {
        line_ = s.line;
        emitAx(OP_TBC, uint32_t(first + int(i)));
      }
    }
  }

  void assign(AssignStmt& s) {
    if (s.targets.size() == 1 && s.values.size() == 1) {
      singleAssign(*s.targets[0], *s.values[0]);
      return;
    }
    // Evaluate the tables and keys of the targets, then the values, then
    // assign from the last target to the first (as lua5.4 does).
    int prepBase = depth_;
    struct Target { Expr* e; int tableSlot; bool constKey; int k; };
    std::vector<Target> targets;
    for (auto& t : s.targets) {
      Target tg{t.get(), -1, false, 0};
      if (t->kind == ExprKind::Index) {
        auto& x = static_cast<IndexExpr&>(*t);
        tg.tableSlot = depth_;
        expr(*x.object);
        if (x.key->kind == ExprKind::String) {
          tg.k = stringConstant(static_cast<StringExpr&>(*x.key).value);
          tg.constKey = tg.k <= kMaxB;
          if (!tg.constKey) expr(*x.key);
        } else {
          expr(*x.key);
        }
      }
      targets.push_back(tg);
    }
    exprList(s.values, int(targets.size()));
    line_ = s.line;
    for (size_t i = targets.size(); i-- > 0;) storeTop(targets[i]);
    emitPop(depth_ - prepBase);
  }

  template <typename T>
  void storeTop(const T& tg) {
    Expr& e = *tg.e;
    if (e.kind == ExprKind::Index) {
      if (tg.constKey) emitAB(OP_SETFIELDAT, tg.tableSlot, tg.k);
      else emitAx(OP_SETINDEXAT, uint32_t(tg.tableSlot));
      pop();
      return;
    }
    auto& n = static_cast<NameExpr&>(e);
    switch (n.ref.kind) {
      case VarRef::Local: emitAx(OP_SETLOCAL, uint32_t(n.ref.index)); pop(); break;
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

  void singleAssign(Expr& target, Expr& value) {
    if (target.kind == ExprKind::Index) {
      auto& x = static_cast<IndexExpr&>(target);
      expr(*x.object);
      if (x.key->kind == ExprKind::String) {
        int k = stringConstant(static_cast<StringExpr&>(*x.key).value);
        expr(value);
        line_ = target.line;
        emitAx(OP_SETFIELD, uint32_t(k));
        pop(2);
        return;
      }
      expr(*x.key);
      expr(value);
      line_ = target.line;
      emitNone(OP_SETTABLE);
      pop(3);
      return;
    }
    expr(value);
    struct { Expr* e; int tableSlot; bool constKey; int k; } tg{&target, -1, false, 0};
    line_ = target.line;
    storeTop(tg);
  }

  // Jumps past the block when `cond` is false; returns the jump to patch.
  int condJumpIfFalse(Expr& cond) {
    expr(cond);
    int j = emitJump(OP_JMPF);
    pop();
    return j;
  }

  void whileStmt(WhileStmt& s) {
    int start = target();
    int exit = condJumpIfFalse(*s.cond);
    openBlock(true, depth_);
    statements(s.body);
    std::vector<int> breaks = std::move(blocks_.back().breaks);
    // The jump back belongs to the body's last line, as in lua5.4 (line
    // hooks and activelines see it there).
    line_ = s.body.lastLine ? s.body.lastLine : s.line;
    closeBlock();
    patchJump(emitJump(OP_JMP), start);
    patchHere(exit);
    for (int j : breaks) patchHere(j);
  }

  void repeatStmt(RepeatStmt& s) {
    int start = target();
    openBlock(true, depth_);
    statements(s.body, false);
    // The condition sees the body's locals.
    line_ = s.cond->line;
    expr(*s.cond);
    BlockInfo& b = blocks_.back();
    int entry = b.entryDepth;
    bool close = needsClose(entry);
    int n = depth_ - 1 - entry;
    if (!close && n == 0) {
      patchJump(emitJump(OP_JMPF), start);
      pop();
    } else {
      int exitJump = emitJump(OP_JMPT);
      pop();
      if (close) emitAx(OP_CLOSE, uint32_t(entry));
      if (n > 0) emitAx(OP_POP, uint32_t(n));
      patchJump(emitJump(OP_JMP), start);
      patchHere(exitJump);
    }
    std::vector<int> breaks = std::move(b.breaks);
    closeBlock();  // the exit path: close and pop
    for (int j : breaks) patchHere(j);
  }

  void ifStmt(IfStmt& s) {
    std::vector<int> exits;
    for (size_t i = 0; i < s.conds.size(); i++) {
      line_ = s.conds[i]->line;
      int next = condJumpIfFalse(*s.conds[i]);
      openBlock(false);
      statements(s.blocks[i]);
      closeBlock();
      if (i + 1 < s.conds.size() || s.hasElse) exits.push_back(emitJump(OP_JMP));
      patchHere(next);
    }
    if (s.hasElse) {
      openBlock(false);
      statements(s.elseBlock);
      closeBlock();
    }
    for (int j : exits) patchHere(j);
  }

  void numericFor(NumericForStmt& s) {
    int base = depth_;
    expr(*s.start);
    expr(*s.limit);
    if (s.step) expr(*s.step); else integer(1);
    line_ = s.line;
    int prep = emitAB(OP_FORPREP, base, 0);
    push();  // the control variable
    openBlock(true, base + 4, base);
    for (int j = 0; j < 3; j++) addActive("(for state)", base + j, false, false);
    addActive(s.var.name, base + 3, s.var.captured, false);
    int bodyStart = target();
    openBlock(false);
    statements(s.body);
    closeBlock();
    // A fresh variable each iteration (§3.3.5): close captures of it.
    if (s.var.captured) emitAx(OP_CLOSE, uint32_t(base + 3));
    line_ = s.line;
    int loop = emitAB(OP_FORLOOP, base, 0);
    patchDistance(loop, pc() - bodyStart);
    patchDistance(prep, target() - (prep + 1));
    endLoop(base);
  }

  // Ends a loop block whose hidden state starts at `base`: breaks land here.
  void endLoop(int base) {
    BlockInfo& b = blocks_.back();
    std::vector<int> breaks = std::move(b.breaks);
    for (int j : breaks) patchHere(j);
    bool close = needsClose(base);
    if (close) emitAx(OP_CLOSE, uint32_t(base));
    endScope(b, close);
    emitPop(depth_ - base);
  }

  void genericFor(GenericForStmt& s) {
    int base = depth_;
    exprList(s.exprs, 4);
    int nvars = int(s.vars.size());
    line_ = s.line;
    nils(nvars);
    int prep = emitAB(OP_TFORPREP, base, 0);
    openBlock(true, base + 4 + nvars, base);
    for (int j = 0; j < 4; j++) addActive("(for state)", base + j, false, j == 3);
    for (int i = 0; i < nvars; i++) addActive(s.vars[size_t(i)].name, base + 4 + i, s.vars[size_t(i)].captured, false);
    int bodyStart = target();
    openBlock(false);
    statements(s.body);
    closeBlock();
    bool capturedVar = false;
    for (auto& v : s.vars) capturedVar = capturedVar || v.captured;
    if (capturedVar) emitAx(OP_CLOSE, uint32_t(base + 4));
    line_ = s.iteratorLine;
    patchDistance(prep, target() - (prep + 1));
    emitAB(OP_TFORCALL, base, nvars);
    int loop = emitAB(OP_TFORLOOP, base, 0);
    patchDistance(loop, pc() - bodyStart);
    // Leaving the loop (closing its state) belongs to its `end`, as in lua5.4.
    if (s.body.endLine) line_ = s.body.endLine;
    endLoop(base);
  }

  void returnStmt(ReturnStmt& s) {
    int saved = depth_;
    int first = depth_;
    line_ = s.line;
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
      emitAB(OP_RETURN, int(slot), 0);
      depth_ = saved;
      return;
    }
    if (s.values.empty()) {
      emitNone(OP_RETURN0);
    } else if (s.values.size() == 1 && !s.values[0]->isMultiValue()) {
      expr(*s.values[0]);
      line_ = s.line;
      emitNone(OP_RETURN1);
    } else {
      bool dynamic = exprList(s.values, kMultRet);
      line_ = s.line;
      emitAB(OP_RETURN, first, dynamic ? 0 : depth_ - first + 1);
    }
    depth_ = saved;
  }

  FunctionCode& out_;
  FunctionExpr& fn_;
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
  std::vector<Expr*> chain_;  // links of the left chains being evaluated (see leftOperand)
};

}  // namespace

std::unique_ptr<FunctionCode> generateCode(Chunk& chunk, std::string_view chunkname) {
  auto out = std::make_unique<FunctionCode>();
  std::string id = chunkId(chunkname);
  FuncGen gen(*out, *chunk.main, id);
  gen.generate(true);
  return out;
}

}  // namespace tycho
