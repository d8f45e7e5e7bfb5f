// Resolver: scopes, locals, upvalues (see Resolver.hpp).
#include "compiler/Resolver.hpp"

#include <string>
#include <vector>

#include "compiler/ConstantFolding.hpp"
#include "compiler/Lexer.hpp"
#include "runtime/ChunkId.hpp"

namespace tycho {

using namespace ast;

namespace {

struct ActiveVar {
  std::string name;   // hidden loop state has a name no identifier can have
  LocalVar* var;      // null for hidden slots
  int slot;           // -1 for a compile-time constant
  const Expr* constant = nullptr;  // a compile-time constant's literal
};

struct FuncScope {
  FunctionExpr* fn;
  FuncScope* parent;
  std::vector<ActiveVar> actives;
  int slots = 0;  // slots taken by the active variables
  struct BlockStart { size_t actives; int slots; };
  std::vector<BlockStart> blockStarts;
};

class Resolver {
 public:
  Resolver(std::string_view source, std::string_view chunkname)
      : source_(source), chunkname_(chunkname), chunkId_(chunkId(chunkname)) {}

  void resolveMain(FunctionExpr* main) {
    FuncScope scope{main, nullptr, {}, 0, {}};
    // The main chunk's only upvalue is _ENV (§2.2).
    main->info.upvalueNames.push_back("_ENV");
    main->info.upvalues.push_back({true, 0, 0});
    function(scope);
  }

 private:
  [[noreturn]] void error(const std::string& msg, int line) {
    throw CompileError{chunkId_ + ":" + std::to_string(line) + ": " + msg};
  }

  void function(FuncScope& scope) {
    cur_ = &scope;
    FunctionExpr* fn = scope.fn;
    scope.blockStarts.push_back({0, 0});
    for (const std::string& p : fn->params) declareHidden(p);
    block(fn->body, false);
    scope.blockStarts.pop_back();
  }

  int nextSlot() const { return cur_->slots; }

  int takeSlot() {
    int slot = cur_->slots++;
    if (cur_->slots > cur_->fn->info.maxLocals) cur_->fn->info.maxLocals = cur_->slots;
    return slot;
  }

  // Parameters are plain locals without a LocalVar record of their own.
  void declareHidden(const std::string& name) { cur_->actives.push_back({name, nullptr, takeSlot()}); }

  void declare(LocalVar& v) {
    v.slot = takeSlot();
    cur_->actives.push_back({v.name, &v, v.slot});
  }

  // A compile-time constant takes no slot: its uses become its literal.
  void declareConstant(LocalVar& v, const Expr& literal) {
    v.slot = -1;
    v.isCompileTimeConstant = true;
    cur_->actives.push_back({v.name, &v, -1, &literal});
  }

  void openBlock() { cur_->blockStarts.push_back({cur_->actives.size(), cur_->slots}); }
  void closeBlock() {
    cur_->actives.resize(cur_->blockStarts.back().actives);
    cur_->slots = cur_->blockStarts.back().slots;
    cur_->blockStarts.pop_back();
  }

  void block(Block& b, bool scoped = true) {
    if (scoped) openBlock();
    for (auto& s : b.stmts) stmt(*s);
    if (scoped) closeBlock();
  }

  // --- names ---

  // Looks `name` up in `scope` and its parents; returns the VarRef kind and
  // records captures. `attribOut` receives the variable's attribute.
  bool lookup(FuncScope* scope, const std::string& name, VarRef& ref, Attrib& attrib) {
    for (size_t i = scope->actives.size(); i-- > 0;) {
      ActiveVar& a = scope->actives[i];
      if (a.name == name) {
        ref.kind = a.constant ? VarRef::Constant : VarRef::Local;
        ref.index = a.slot;
        ref.constant = a.constant;
        attrib = a.var ? a.var->attrib : Attrib::None;
        return true;
      }
    }
    FunctionInfo& info = scope->fn->info;
    for (size_t i = 0; i < info.upvalueNames.size(); i++) {
      if (info.upvalueNames[i] == name) {
        ref.kind = VarRef::Upvalue;
        ref.index = int(i);
        attrib = Attrib(info.upvalues[i].kind);
        return true;
      }
    }
    if (!scope->parent) return false;
    VarRef outer;
    if (!lookup(scope->parent, name, outer, attrib)) return false;
    if (outer.kind == VarRef::Constant) {  // no upvalue: the literal is used
      ref = outer;
      return true;
    }
    if (info.upvalues.size() >= size_t(kMaxUpvalues)) {
      // Lua finds the limit while reading the name, so its message is "near"
      // the token after it: that token is read again.
      std::string where = scope->parent ? "function at line " + std::to_string(scope->fn->line) : "main function";
      Lexer after(source_, chunkname_, resolving_->end, resolving_->line);
      after.syntaxError("too many upvalues (limit is " + std::to_string(kMaxUpvalues) + ") in " + where);
    }
    if (outer.kind == VarRef::Local) {
      // Mark the captured variable so that its scope end closes it.
      for (size_t i = scope->parent->actives.size(); i-- > 0;) {
        ActiveVar& a = scope->parent->actives[i];
        if (a.slot == outer.index) {
          // Parameters have no record: returning closes them anyway.
          if (a.var) a.var->captured = true;
          break;
        }
      }
    }
    info.upvalueNames.push_back(name);
    info.upvalues.push_back({outer.kind == VarRef::Local, outer.index, uint8_t(attrib)});
    ref.kind = VarRef::Upvalue;
    ref.index = int(info.upvalues.size()) - 1;
    return true;
  }

  void name(NameExpr& n) {
    resolving_ = &n;
    Attrib attrib = Attrib::None;
    if (lookup(cur_, n.name, n.ref, attrib)) {
      n.ref.isConst = attrib != Attrib::None || n.ref.kind == VarRef::Constant;
      return;
    }
    VarRef env;
    Attrib envAttrib;
    if (!lookup(cur_, "_ENV", env, envAttrib)) error("no _ENV in scope", n.line);  // cannot happen: main has it
    n.ref.kind = VarRef::Global;
    n.ref.envKind = env.kind == VarRef::Local ? 1 : 0;
    n.ref.envIndex = env.index;
  }

  // --- expressions ---
  //
  // Expressions are resolved through the slot that owns them, because
  // resolving also folds constants (ConstantFolding.hpp): a name of a
  // compile-time constant, or an operator on literals, is replaced by a
  // literal.

  // Resolves `slot`, walking its left chain with a loop (Ast.hpp): the chain's
  // innermost operand first, then each link's other children, which keeps
  // the names in source order (upvalues are numbered in order of first use)
  // and folds `1 + 2 + x` from the inside out.
  void expr(ExprPtr& slot) {
    size_t mark = chain_.size();
    ExprPtr* bottom = &slot;
    while (ExprPtr* left = leftChild(**bottom)) {
      chain_.push_back(bottom);
      bottom = left;
    }
    operand(*bottom);
    while (chain_.size() > mark) {
      ExprPtr* link = chain_.back();
      chain_.pop_back();
      rest(*link);
    }
  }

  // An expression that is not a link of a left chain.
  void operand(ExprPtr& slot) {
    Expr& e = *slot;
    switch (e.kind) {
      case ExprKind::Name: {
        auto& n = static_cast<NameExpr&>(e);
        name(n);
        if (n.ref.kind == VarRef::Constant) slot = copyLiteral(*n.ref.constant, n);
        break;
      }
      case ExprKind::Paren: expr(static_cast<ParenExpr&>(e).inner); break;
      case ExprKind::Unary: {
        auto& u = static_cast<UnaryExpr&>(e);
        expr(u.operand);
        if (ExprPtr folded = foldUnary(u)) slot = std::move(folded);
        break;
      }
      case ExprKind::Table:
        for (auto& item : static_cast<TableExpr&>(e).items) {
          if (item.key) expr(item.key);
          expr(item.value);
        }
        break;
      case ExprKind::Function: functionExpr(static_cast<FunctionExpr&>(e)); break;
      default: break;
    }
  }

  // The children of a chain link other than its left one.
  void rest(ExprPtr& slot) {
    Expr& e = *slot;
    switch (e.kind) {
      case ExprKind::Index: expr(static_cast<IndexExpr&>(e).key); break;
      case ExprKind::Call: exprs(static_cast<CallExpr&>(e).args); break;
      case ExprKind::MethodCall: exprs(static_cast<MethodCallExpr&>(e).args); break;
      case ExprKind::Binary: {
        auto& b = static_cast<BinaryExpr&>(e);
        expr(b.rhs);
        if (ExprPtr folded = foldBinary(b)) slot = std::move(folded);
        break;
      }
      default: break;
    }
  }

  // An assignment target: a name stays a name (a constant cannot be assigned).
  void target(ExprPtr& slot) {
    if (slot->kind != ExprKind::Name) {
      expr(slot);
      return;
    }
    auto& n = static_cast<NameExpr&>(*slot);
    name(n);
    if (n.ref.isConst) error("attempt to assign to const variable '" + n.name + "'", n.line);
  }

  void functionExpr(FunctionExpr& f) {
    FuncScope* saved = cur_;
    FuncScope scope{&f, saved, {}, 0, {}};
    function(scope);
    cur_ = saved;
  }

  void exprs(ExprList& list) {
    for (auto& e : list) expr(e);
  }

  // --- statements ---

  void stmt(Stmt& s) {
    switch (s.kind) {
      case StmtKind::Local: {
        auto& x = static_cast<LocalStmt&>(s);
        exprs(x.values);   // values do not see the new variables
        // As in Lua, the last variable is a compile-time constant when it is
        // <const>, there are as many values as variables, and its value
        // folds to a literal.
        size_t n = x.vars.size();
        bool constant = n == x.values.size() && x.vars.back().attrib == Attrib::Const && isLiteral(*x.values.back());
        for (size_t i = 0; i < n; i++) {
          if (constant && i == n - 1) declareConstant(x.vars[i], *x.values.back());
          else declare(x.vars[i]);
        }
        break;
      }
      case StmtKind::Assign: {
        auto& x = static_cast<AssignStmt&>(s);
        for (auto& t : x.targets) target(t);
        exprs(x.values);
        break;
      }
      case StmtKind::Call: expr(static_cast<CallStmt&>(s).call); break;
      case StmtKind::Do: block(static_cast<DoStmt&>(s).body); break;
      case StmtKind::While: {
        auto& x = static_cast<WhileStmt&>(s);
        expr(x.cond);
        block(x.body);
        break;
      }
      case StmtKind::Repeat: {
        auto& x = static_cast<RepeatStmt&>(s);
        openBlock();
        for (auto& st : x.body.stmts) stmt(*st);
        expr(x.cond);  // sees the body's locals (§3.3.4)
        closeBlock();
        break;
      }
      case StmtKind::If: {
        auto& x = static_cast<IfStmt&>(s);
        for (size_t i = 0; i < x.conds.size(); i++) {
          expr(x.conds[i]);
          block(x.blocks[i]);
        }
        if (x.hasElse) block(x.elseBlock);
        break;
      }
      case StmtKind::NumericFor: {
        auto& x = static_cast<NumericForStmt&>(s);
        expr(x.start);
        expr(x.limit);
        if (x.step) expr(x.step);
        openBlock();
        x.baseSlot = nextSlot();
        for (int i = 0; i < 3; i++) declareHidden("(for state)");
        declare(x.var);
        block(x.body);
        closeBlock();
        break;
      }
      case StmtKind::GenericFor: {
        auto& x = static_cast<GenericForStmt&>(s);
        exprs(x.exprs);
        openBlock();
        x.baseSlot = nextSlot();
        for (int i = 0; i < 4; i++) declareHidden("(for state)");
        for (auto& v : x.vars) declare(v);
        block(x.body);
        closeBlock();
        break;
      }
      case StmtKind::LocalFunction: {
        auto& x = static_cast<LocalFunctionStmt&>(s);
        declare(x.var);  // visible inside its own body, for recursion
        functionExpr(*x.func);
        break;
      }
      case StmtKind::Return: exprs(static_cast<ReturnStmt&>(s).values); break;
      case StmtKind::Break: case StmtKind::Goto: case StmtKind::Label: break;
    }
  }

  std::string_view source_;
  std::string_view chunkname_;
  std::string chunkId_;
  FuncScope* cur_ = nullptr;
  const NameExpr* resolving_ = nullptr;  // the name being looked up
  std::vector<ExprPtr*> chain_;  // links of the left chains being resolved (see expr)
};

}  // namespace

void resolveChunk(Chunk& chunk, std::string_view chunkname) {
  Resolver r(chunk.source, chunkname);
  r.resolveMain(chunk.main.get());
}

}  // namespace tycho
