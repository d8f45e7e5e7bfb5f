// Compile: the pipeline source → tokens → syntax tree → resolved tree →
// bytecode → Proto objects.
#include <cstring>
#include <string_view>
#include <unordered_map>

#include "compiler/CodeGen.hpp"
#include "compiler/Parser.hpp"
#include "compiler/Resolver.hpp"
#include "gc/Heap.hpp"
#include "runtime/Function.hpp"
#include "runtime/State.hpp"
#include "runtime/String.hpp"

namespace tycho {

namespace {

template <typename T>
T* allocArray(lua_State* L, size_t n) {
  return n ? static_cast<T*>(gc::allocRaw(L, sizeof(T) * n)) : nullptr;
}

// Builds the Proto tree of one compiled chunk. Every string the chunk needs
// (constants, variable and upvalue names) is made once: short strings are
// interned anyway, and equal long strings (which the runtime does not intern)
// become one object shared by all functions of the chunk, as in Lua, where
// the lexer makes each distinct string of a chunk once.
class Materializer {
 public:
  Materializer(lua_State* L, String* source) : L_(L), source_(source) {}

  Proto* proto(const FunctionCode& f) {
    Proto* p = newProto(L_);
    p->numParams = uint8_t(f.numParams);
    p->isVararg = f.isVararg;
    p->maxStack = uint16_t(f.maxStack);
    p->lineDefined = f.lineDefined;
    p->lastLineDefined = f.lastLineDefined;
    p->source = source_;
    p->code = allocArray<uint32_t>(L_, f.code.size());
    if (!f.code.empty()) std::memcpy(p->code, f.code.data(), sizeof(uint32_t) * f.code.size());
    p->lineInfo = allocArray<int>(L_, f.lines.size());
    if (!f.lines.empty()) std::memcpy(p->lineInfo, f.lines.data(), sizeof(int) * f.lines.size());
    p->codeSize = int(f.code.size());
    allocFeedback(L_, p);
    setFrameFacts(p, codeMayClose(p->code, p->codeSize));
    p->constants = allocArray<Value>(L_, f.constants.size());
    for (size_t i = 0; i < f.constants.size(); i++) {
      const Constant& c = f.constants[i];
      switch (c.kind) {
        case Constant::Integer: p->constants[i] = Value::integer(c.i); break;
        case Constant::Float: p->constants[i] = Value::number(c.n); break;
        case Constant::String: p->constants[i] = Value::string(string(c.s)); break;
        case Constant::Nil: p->constants[i] = Value::nil(); break;
        case Constant::False: p->constants[i] = Value::boolean(false); break;
        case Constant::True: p->constants[i] = Value::boolean(true); break;
      }
      p->numConstants = int(i) + 1;
    }
    p->protos = allocArray<Proto*>(L_, f.protos.size());
    for (size_t i = 0; i < f.protos.size(); i++) {
      p->protos[i] = proto(*f.protos[i]);
      p->numProtos = int(i) + 1;
    }
    p->upvalues = allocArray<UpvalueDesc>(L_, f.upvalues.size());
    for (size_t i = 0; i < f.upvalues.size(); i++) {
      const auto& u = f.upvalues[i];
      p->upvalues[i] = UpvalueDesc{string(u.name), u.inStack, u.kind, uint16_t(u.index)};
      p->numUpvalues = int(i) + 1;
    }
    p->locals = allocArray<LocalVarInfo>(L_, f.locals.size());
    for (size_t i = 0; i < f.locals.size(); i++) {
      const auto& l = f.locals[i];
      p->locals[i] = LocalVarInfo{string(l.name), l.startPc, l.endPc < 0 ? int(f.code.size()) : l.endPc, l.slot};
      p->numLocals = int(i) + 1;
    }
    return p;
  }

 private:
  String* string(const std::string& s) {
    auto it = strings_.find(s);
    if (it != strings_.end()) return it->second;
    String* str = newString(L_, s);
    strings_.emplace(view(str), str);  // the key views the string's own bytes
    return str;
  }

  lua_State* L_;
  String* source_;
  std::unordered_map<std::string_view, String*> strings_;
};

}  // namespace

Proto* materialize(lua_State* L, const FunctionCode& f, String* source) {
  return Materializer(L, source).proto(f);
}

Proto* compileChunk(lua_State* L, std::string_view source, std::string_view chunkname) {
  ast::Chunk chunk = parseChunk(source, chunkname);
  resolveChunk(chunk, chunkname);
  std::unique_ptr<FunctionCode> code = generateCode(chunk, chunkname);
  gc::PauseGuard pause(G(L));
  String* src = newString(L, chunkname);
  return materialize(L, *code, src);
}

}  // namespace tycho
