// Dump: prototypes → binary chunks (see Dump.hpp and BytecodeFormat.hpp).
#include "compiler/Dump.hpp"

#include <bit>
#include <cstring>

#include "compiler/BytecodeFormat.hpp"
#include "runtime/String.hpp"

namespace tycho {

namespace {

using namespace bytecode;

// Appends little-endian numbers of explicit widths.
class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}

  void u8(uint8_t v) { out_.push_back(char(v)); }
  void u16(uint16_t v) { little(v, 2); }
  void u32(uint32_t v) { little(v, 4); }
  void u64(uint64_t v) { little(v, 8); }
  void i32(int32_t v) { little(uint32_t(v), 4); }
  void i64(int64_t v) { little(uint64_t(v), 8); }
  void count(size_t n) { u32(uint32_t(n)); }
  void bytes(const void* p, size_t n) { out_.append(static_cast<const char*>(p), n); }
  void string(const String* s) {
    u64(s->length());
    bytes(s->data(), s->length());
  }

 private:
  void little(uint64_t v, int width) {
    for (int i = 0; i < width; i++) out_.push_back(char(uint8_t(v >> (8 * i))));
  }
  std::string& out_;
};

class Dumper {
 public:
  Dumper(std::string& out, bool strip) : w_(out), strip_(strip) {}

  void function(const Proto* p, const Proto* parent) {
    w_.u8(p->numParams);
    w_.u8(p->isVararg ? kFunctionVararg : 0);
    w_.u16(p->maxStack);
    w_.i32(p->lineDefined);
    w_.i32(p->lastLineDefined);
    source(p, parent);
    w_.count(size_t(p->codeSize));
    for (int i = 0; i < p->codeSize; i++) w_.u32(p->code[i]);
    w_.count(size_t(p->numConstants));
    for (int i = 0; i < p->numConstants; i++) constant(p->constants[i]);
    w_.count(size_t(p->numUpvalues));
    for (int i = 0; i < p->numUpvalues; i++) {
      const UpvalueDesc& u = p->upvalues[i];
      w_.u8(u.inStack ? 1 : 0);
      w_.u8(u.kind);
      w_.u16(u.index);
    }
    w_.count(size_t(p->numProtos));
    for (int i = 0; i < p->numProtos; i++) function(p->protos[i], p);
    debugInfo(p);
  }

 private:
  // Nested functions normally share their parent's source: it is written once.
  void source(const Proto* p, const Proto* parent) {
    if (strip_ || !p->source) {
      w_.u8(kSourceNone);
    } else if (parent && parent->source && stringEquals(parent->source, p->source)) {
      w_.u8(kSourceParent);
    } else {
      w_.u8(kSourceOwn);
      w_.string(p->source);
    }
  }

  void constant(const Value& k) {
    if (k.isInteger()) {
      w_.u8(kConstInteger);
      w_.i64(k.asInteger());
    } else if (k.isFloat()) {
      w_.u8(kConstFloat);
      w_.u64(std::bit_cast<uint64_t>(k.asFloat()));
    } else if (k.isNil()) {
      w_.u8(kConstNil);
    } else if (k.isBoolean()) {
      w_.u8(k.isTrue() ? kConstTrue : kConstFalse);
    } else {
      // The code generator makes no other kind of constant.
      w_.u8(kConstString);
      w_.string(k.asString());
    }
  }

  void debugInfo(const Proto* p) {
    bool lines = !strip_ && p->lineInfo;
    w_.count(lines ? size_t(p->codeSize) : 0);
    if (lines) {
      for (int i = 0; i < p->codeSize; i++) w_.i32(p->lineInfo[i]);
    }
    w_.count(strip_ ? 0 : size_t(p->numLocals));
    if (!strip_) {
      for (int i = 0; i < p->numLocals; i++) {
        const LocalVarInfo& l = p->locals[i];
        w_.string(l.name);
        w_.i32(l.startPc);
        w_.i32(l.endPc);
        w_.i32(l.slot);
      }
    }
    // Names come all together or not at all (a loaded stripped function).
    bool names = !strip_ && p->numUpvalues > 0;
    for (int i = 0; names && i < p->numUpvalues; i++) names = p->upvalues[i].name != nullptr;
    w_.count(names ? size_t(p->numUpvalues) : 0);
    if (names) {
      for (int i = 0; i < p->numUpvalues; i++) w_.string(p->upvalues[i].name);
    }
  }

  Writer w_;
  bool strip_;
};

}  // namespace

std::string dumpFunction(const Proto* p, bool strip) {
  std::string payload;
  Dumper(payload, strip).function(p, nullptr);
  std::string chunk;
  chunk.reserve(kHeaderSize + payload.size());
  Writer w(chunk);
  w.bytes(kSignature, kSignatureSize);
  w.u8(kLuaVersion);
  w.u8(kFormat);
  w.bytes(kConversionCheck, kConversionCheckSize);
  w.u16(kRevision);
  w.u16(strip ? kFlagStripped : 0);
  w.u32(instructionSetFingerprint());
  w.u64(payload.size());
  w.u64(chunkChecksum(chunk.data(), payload));
  chunk += payload;
  return chunk;
}

}  // namespace tycho
