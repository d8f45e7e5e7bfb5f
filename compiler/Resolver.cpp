// Resolver: scopes, locals, upvalues (see Resolver.hpp).
#include "compiler/Resolver.hpp"

#include <string>
#include <vector>

#include "compiler/Lexer.hpp"
#include "runtime/ChunkId.hpp"

namespace tycho {

using namespace ast;

namespace {

struct ActiveVar {
  std::string name;   // hidden loop state has a name no identifier can have
  LocalVar* var;      // null for hidden slots
  int slot;
};

struct FuncScope {
  FunctionExpr* fn;
  FuncScope* parent;
  std::vector<ActiveVar> actives;
  std::vector<size_t> blockStarts;
};

class Resolver {
 public:
  Resolver(std::string_view source, std::string_view chunkname)
      : source_(source), chunkname_(chunkname), chunkId_(chunkId(chunkname)) {}

  void resolveMain(FunctionExpr* main) {
    FuncScope scope{main, nullptr, {}, {}};
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
    scope.blockStarts.push_back(0);
    for (const std::string& p : fn->params) declareHidden(p, fn->line);
    block(fn->body, false);
    scope.blockStarts.pop_back();
  }

  int nextSlot() const { return int(cur_->actives.size()); }

  void noteSlots() {
    int n = int(cur_->actives.size());
    if (n > cur_->fn->info.maxLocals) cur_->fn->info.maxLocals = n;
  }

  // Parameters are plain locals without a LocalVar record of their own.
  void declareHidden(const std::string& name, int line) {
    cur_->actives.push_back({name, nullptr, nextSlot()});
    noteSlots();
  }

  void declare(LocalVar& v, int line) {
    v.slot = nextSlot();
    cur_->actives.push_back({v.name, &v, v.slot});
    noteSlots();
  }

  void openBlock() { cur_->blockStarts.push_back(cur_->actives.size()); }
  void closeBlock() {
    cur_->actives.resize(cur_->blockStarts.back());
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
        ref.kind = VarRef::Local;
        ref.index = a.slot;
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
      n.ref.isConst = attrib != Attrib::None;
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

  // Resolves `e`, walking its left chain with a loop (Ast.hpp): the chain's
  // innermost operand first, then each link's other children, which keeps
  // the names in source order (upvalues are numbered in order of first use).
  void expr(Expr& e) {
    size_t mark = chain_.size();
    Expr* bottom = &e;
    while (ExprPtr* left = leftChild(*bottom)) {
      chain_.push_back(bottom);
      bottom = left->get();
    }
    operand(*bottom);
    while (chain_.size() > mark) {
      Expr& link = *chain_.back();
      chain_.pop_back();
      rest(link);
    }
  }

  // An expression that is not a link of a left chain.
  void operand(Expr& e) {
    switch (e.kind) {
      case ExprKind::Name: name(static_cast<NameExpr&>(e)); break;
      case ExprKind::Paren: expr(*static_cast<ParenExpr&>(e).inner); break;
      case ExprKind::Unary: expr(*static_cast<UnaryExpr&>(e).operand); break;
      case ExprKind::Table:
        for (auto& item : static_cast<TableExpr&>(e).items) {
          if (item.key) expr(*item.key);
          expr(*item.value);
        }
        break;
      case ExprKind::Function: functionExpr(static_cast<FunctionExpr&>(e)); break;
      default: break;
    }
  }

  // The children of a chain link other than its left one.
  void rest(Expr& e) {
    switch (e.kind) {
      case ExprKind::Index: expr(*static_cast<IndexExpr&>(e).key); break;
      case ExprKind::Call: exprs(static_cast<CallExpr&>(e).args); break;
      case ExprKind::MethodCall: exprs(static_cast<MethodCallExpr&>(e).args); break;
      case ExprKind::Binary: expr(*static_cast<BinaryExpr&>(e).rhs); break;
      default: break;
    }
  }

  void functionExpr(FunctionExpr& f) {
    FuncScope* saved = cur_;
    FuncScope scope{&f, saved, {}, {}};
    function(scope);
    cur_ = saved;
  }

  void exprs(ExprList& list) {
    for (auto& e : list) expr(*e);
  }

  // --- statements ---

  void stmt(Stmt& s) {
    switch (s.kind) {
      case StmtKind::Local: {
        auto& x = static_cast<LocalStmt&>(s);
        exprs(x.values);   // values do not see the new variables
        for (auto& v : x.vars) declare(v, x.line);
        break;
      }
      case StmtKind::Assign: {
        auto& x = static_cast<AssignStmt&>(s);
        for (auto& t : x.targets) {
          expr(*t);
          if (t->kind == ExprKind::Name) {
            auto& n = static_cast<NameExpr&>(*t);
            if (n.ref.isConst) error("attempt to assign to const variable '" + n.name + "'", n.line);
          }
        }
        exprs(x.values);
        break;
      }
      case StmtKind::Call: expr(*static_cast<CallStmt&>(s).call); break;
      case StmtKind::Do: block(static_cast<DoStmt&>(s).body); break;
      case StmtKind::While: {
        auto& x = static_cast<WhileStmt&>(s);
        expr(*x.cond);
        block(x.body);
        break;
      }
      case StmtKind::Repeat: {
        auto& x = static_cast<RepeatStmt&>(s);
        openBlock();
        for (auto& st : x.body.stmts) stmt(*st);
        expr(*x.cond);  // sees the body's locals (§3.3.4)
        closeBlock();
        break;
      }
      case StmtKind::If: {
        auto& x = static_cast<IfStmt&>(s);
        for (size_t i = 0; i < x.conds.size(); i++) {
          expr(*x.conds[i]);
          block(x.blocks[i]);
        }
        if (x.hasElse) block(x.elseBlock);
        break;
      }
      case StmtKind::NumericFor: {
        auto& x = static_cast<NumericForStmt&>(s);
        expr(*x.start);
        expr(*x.limit);
        if (x.step) expr(*x.step);
        openBlock();
        x.baseSlot = nextSlot();
        for (int i = 0; i < 3; i++) declareHidden("(for state)", x.line);
        declare(x.var, x.line);
        block(x.body);
        closeBlock();
        break;
      }
      case StmtKind::GenericFor: {
        auto& x = static_cast<GenericForStmt&>(s);
        exprs(x.exprs);
        openBlock();
        x.baseSlot = nextSlot();
        for (int i = 0; i < 4; i++) declareHidden("(for state)", x.line);
        for (auto& v : x.vars) declare(v, x.line);
        block(x.body);
        closeBlock();
        break;
      }
      case StmtKind::LocalFunction: {
        auto& x = static_cast<LocalFunctionStmt&>(s);
        declare(x.var, x.line);  // visible inside its own body, for recursion
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
  std::vector<Expr*> chain_;  // links of the left chains being resolved (see expr)
};

}  // namespace

void resolveChunk(Chunk& chunk, std::string_view chunkname) {
  Resolver r(chunk.source, chunkname);
  r.resolveMain(chunk.main.get());
}

}  // namespace tycho
