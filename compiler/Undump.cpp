// Undump: binary chunks → prototypes (see Undump.hpp and BytecodeFormat.hpp).
//
// The reader trusts nothing: every read is bounded by the input, and every
// count is checked against the bytes left before anything is allocated for
// it (a count of n elements needs at least n times the smallest encoding of
// one), so that memory use stays proportional to the input's size. What the
// format cannot express wrongly is left to the verifier, which runs on the
// finished tree.
#include "compiler/Undump.hpp"

#include <bit>
#include <cstring>

#include "compiler/BytecodeFormat.hpp"
#include "compiler/Parser.hpp"
#include "compiler/Verify.hpp"
#include "gc/Heap.hpp"
#include "runtime/Function.hpp"
#include "runtime/String.hpp"

namespace tycho {

namespace {

using namespace bytecode;

constexpr char kTruncated[] = "truncated chunk";

[[noreturn]] void bad(std::string reason) { throw BadBinaryChunk{std::move(reason)}; }

// Little-endian numbers of explicit widths from a bounded input.
class Reader {
 public:
  explicit Reader(std::string_view in) : p_(in.data()), end_(in.data() + in.size()) {}

  size_t remaining() const { return size_t(end_ - p_); }
  const char* take(size_t n) {
    if (n > remaining()) bad(kTruncated);
    const char* at = p_;
    p_ += n;
    return at;
  }
  uint8_t u8() { return uint8_t(*take(1)); }
  uint16_t u16() { return uint16_t(little(2)); }
  uint32_t u32() { return uint32_t(little(4)); }
  uint64_t u64() { return little(8); }
  int32_t i32() { return int32_t(uint32_t(little(4))); }
  int64_t i64() { return int64_t(little(8)); }

  // A count of elements each at least `minBytes` long, which must fit.
  int count(size_t minBytes) {
    uint32_t n = u32();
    if (n > uint32_t(INT32_MAX) || uint64_t(n) * minBytes > remaining()) bad(kTruncated);
    return int(n);
  }
  std::string_view string() {
    uint64_t n = u64();
    if (n > remaining()) bad(kTruncated);
    return std::string_view(take(size_t(n)), size_t(n));
  }

 private:
  uint64_t little(int width) {
    const auto* b = reinterpret_cast<const unsigned char*>(take(size_t(width)));
    uint64_t v = 0;
    for (int i = 0; i < width; i++) v |= uint64_t(b[i]) << (8 * i);
    return v;
  }
  const char* p_;
  const char* end_;
};

template <typename T>
T* allocArray(lua_State* L, int n) {
  return n > 0 ? static_cast<T*>(gc::allocRaw(L, sizeof(T) * size_t(n))) : nullptr;
}

class Loader {
 public:
  Loader(lua_State* L, std::string_view payload) : L_(L), r_(payload) {}

  Proto* main() {
    Proto* p = function(nullptr, 1);
    if (r_.remaining() != 0) bad("extra bytes after the main function");
    return p;
  }

 private:
  // Each array is allocated and its count set at once, so that a prototype
  // left unfinished by an error is freed with the right sizes.
  Proto* function(const Proto* parent, int level) {
    if (level > kMaxSyntaxLevels) bad("functions nested too deeply");
    Proto* p = newProto(L_);
    p->numParams = r_.u8();
    uint8_t flags = r_.u8();
    if (flags & ~kFunctionVararg) bad("unknown function flags");
    p->isVararg = (flags & kFunctionVararg) ? 1 : 0;
    p->maxStack = r_.u16();
    p->lineDefined = r_.i32();
    p->lastLineDefined = r_.i32();
    switch (r_.u8()) {
      case kSourceNone: p->source = nullptr; break;
      case kSourceParent:
        if (!parent) bad("main function without a source of its own");
        p->source = parent->source;
        break;
      case kSourceOwn: p->source = newString(L_, r_.string()); break;
      default: bad("bad source kind");
    }

    int n = r_.count(4);
    p->code = allocArray<Instruction>(L_, n);
    p->codeSize = n;
    for (int i = 0; i < n; i++) p->code[i] = r_.u32();
    allocFeedback(L_, p);
    setFrameFacts(p, codeMayClose(p->code, p->codeSize));

    n = r_.count(kMinConstantBytes);
    p->constants = allocArray<Value>(L_, n);
    p->numConstants = n;
    for (int i = 0; i < n; i++) p->constants[i].setNil();
    for (int i = 0; i < n; i++) p->constants[i] = constant();

    n = r_.count(kUpvalueBytes);
    p->upvalues = allocArray<UpvalueDesc>(L_, n);
    p->numUpvalues = n;
    for (int i = 0; i < n; i++) {
      uint8_t inStack = r_.u8();
      if (inStack > 1) bad("bad upvalue description");
      uint8_t kind = r_.u8();
      uint16_t index = r_.u16();
      p->upvalues[i] = UpvalueDesc{nullptr, inStack != 0, kind, index};
    }

    n = r_.count(kMinFunctionBytes);
    p->protos = allocArray<Proto*>(L_, n);
    p->numProtos = n;
    for (int i = 0; i < n; i++) p->protos[i] = nullptr;
    for (int i = 0; i < n; i++) p->protos[i] = function(p, level + 1);

    n = r_.count(4);
    if (n != 0 && n != p->codeSize) bad("line information does not match the code");
    if (n > 0) {
      p->lineInfo = allocArray<int>(L_, n);
      for (int i = 0; i < n; i++) p->lineInfo[i] = r_.i32();
    }

    n = r_.count(kMinLocalBytes);
    p->locals = allocArray<LocalVarInfo>(L_, n);
    p->numLocals = n;
    for (int i = 0; i < n; i++) p->locals[i] = LocalVarInfo{nullptr, 0, 0, 0};
    for (int i = 0; i < n; i++) {
      LocalVarInfo& l = p->locals[i];
      l.name = newString(L_, r_.string());
      l.startPc = r_.i32();
      l.endPc = r_.i32();
      l.slot = r_.i32();
    }

    n = r_.count(kMinStringBytes);
    if (n != 0 && n != p->numUpvalues) bad("upvalue names do not match the upvalues");
    for (int i = 0; i < n; i++) p->upvalues[i].name = newString(L_, r_.string());
    return p;
  }

  Value constant() {
    switch (r_.u8()) {
      case kConstInteger: return Value::integer(r_.i64());
      case kConstFloat: return Value::number(std::bit_cast<double>(r_.u64()));
      case kConstString: return Value::string(newString(L_, r_.string()));
      case kConstNil: return Value::nil();
      case kConstFalse: return Value::boolean(false);
      case kConstTrue: return Value::boolean(true);
      default: bad("bad constant kind");
    }
  }

  lua_State* L_;
  Reader r_;
};

// Checks the header field by field, in the order lua5.4 checks its own (so
// that its chunks and other strings get its messages), and returns the payload.
std::string_view checkHeader(std::string_view chunk) {
  Reader r(chunk);
  // Only the bytes present are compared: "\x1bLu" is a truncated chunk,
  // "\x1bab" is not a binary chunk at all.
  size_t have = chunk.size() < kSignatureSize ? chunk.size() : kSignatureSize;
  if (std::memcmp(chunk.data(), kSignature, have) != 0) bad("not a binary chunk");
  r.take(kSignatureSize);
  if (r.u8() != kLuaVersion) bad("version mismatch");
  if (r.u8() != kFormat) bad("format mismatch");
  if (std::memcmp(r.take(kConversionCheckSize), kConversionCheck, kConversionCheckSize) != 0) bad("corrupted chunk");
  if (r.u16() != kRevision) bad("bytecode revision mismatch");
  if (r.u16() & ~kKnownFlags) bad("unknown flags");
  if (r.u32() != instructionSetFingerprint()) bad("instruction set mismatch");
  uint64_t size = r.u64();
  uint64_t checksum = r.u64();
  if (size > r.remaining()) bad(kTruncated);
  std::string_view payload(r.take(size_t(size)), size_t(size));
  if (chunkChecksum(chunk.data(), payload) != checksum) bad("checksum mismatch");
  return payload;
}

}  // namespace

Proto* undumpChunk(lua_State* L, std::string_view chunk) {
  std::string_view payload = checkHeader(chunk);
  Proto* p = Loader(L, payload).main();
  std::string error = verifyFunction(p);
  if (!error.empty()) bad(error);
  return p;
}

std::string binaryChunkName(std::string_view chunkname) {
  if (!chunkname.empty() && (chunkname[0] == '@' || chunkname[0] == '=')) return std::string(chunkname.substr(1));
  if (!chunkname.empty() && chunkname[0] == kSignature[0]) return "binary string";
  return std::string(chunkname);
}

}  // namespace tycho
