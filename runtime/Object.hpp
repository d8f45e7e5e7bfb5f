// Object layouts: the GC header every collectable object starts with, and the
// layouts of strings, closures, prototypes, upvalues and userdata. Tables and
// threads have their own headers (Table.hpp, State.hpp).
//
// Objects are created only through gc/Heap (DESIGN.md decision 2): the heap links
// each one into the list of all objects, which is what the collector sweeps.
#pragma once

#include <cstddef>
#include <cstdint>

#include "runtime/Value.hpp"

namespace tycho {

struct GlobalState;

// Every collectable object starts with this header. The declared default
// constructor makes it a non-POD for layout purposes, so that the first
// small fields of each object kind (a table's flags and array size, a
// string's hash) go into the header's padding: 8 bytes saved per object.
// Objects are never constructed: they are raw memory from gc::newObject.
struct GCObject {
  GCObject() = default;
  GCObject* next;  // the heap's list of all objects
  uint8_t tag;     // full tag (kTag*)
  uint8_t marked;  // collector colour bits and age
};

// Bytes of the header proper: an object's own fields begin right after.
constexpr size_t kGCHeaderSize = sizeof(GCObject*) + 2;

// Zeroes an object's own fields (everything after the header).
inline void clearFields(GCObject* o, size_t size) {
  __builtin_memset(reinterpret_cast<char*>(o) + kGCHeaderSize, 0, size - kGCHeaderSize);
}

// --- strings ---

// Strings of at most kMaxShortLength bytes are interned: two equal short strings
// are the same object. Long strings are hashed lazily, on first use as a key.
constexpr size_t kMaxShortLength = 40;

struct String : GCObject {
  uint8_t hasHash;      // long strings: hash computed yet?
  uint8_t shortLength;  // short strings: the length (at most kMaxShortLength)
  uint32_t hash;
  union {
    size_t longLength;  // long strings: the length
    String* hashNext;   // short strings: chain in the intern table
  };
  char bytes[1];        // length() bytes followed by '\0'

  const char* data() const { return bytes; }
  char* data() { return bytes; }
  bool isShort() const { return tag == kTagShortString; }
  size_t length() const { return isShort() ? shortLength : longLength; }
};
static_assert(offsetof(String, bytes) == 24, "a string's header is three words");

inline Value Value::string(String* s) { return object(s, s->tag); }

// --- functions ---

// Describes how a closure captures an upvalue: from the enclosing function's
// local slot (inStack) or from the enclosing function's own upvalue list.
struct UpvalueDesc {
  String* name;
  bool inStack;
  uint8_t kind;    // local variable kind (regular, const, close)
  uint16_t index;
};

struct LocalVarInfo {
  String* name;
  int startPc;  // first instruction where the variable is active
  int endPc;    // first instruction where it is dead
  int slot;
};

// Calls and backward branches before a prototype is hot (vm/JitHooks.hpp).
constexpr int32_t kCallsToHot = 1000;
constexpr int32_t kBackEdgesToHot = 2000;

// Type feedback of one instruction (Proto::feedback): what the interpreter
// saw there, read by its own inline caches and by a compiling tier
// (vm/JitHooks.hpp). Every entry starts as zero: nothing seen.
union Feedback {
  uint64_t raw;
  // Field reads and writes with a constant string key (GETFIELD, GETTABUP,
  // SETFIELD ...): the hash-part node where the key was found last, and the
  // size (as Table::logNodeCapacity) of the part it was found in. A hint,
  // checked against the key on every use: a stale one costs one compare. A
  // part of the same size has the node (no shift of a variable count).
  struct {
    uint32_t node;
    uint8_t nodeLog;
  };
  // Arithmetic and comparisons: the kinds of operands seen (kSaw* bits);
  // none set means integers only, or not run yet.
  uint8_t types;
  // CALL: the prototype of the Lua function called there last. Compared,
  // never dereferenced (the function may have been collected since).
  const struct Proto* callee;
};
constexpr uint8_t kSawFloat = 1 << 0;   // a float operand (or an integer with a float)
constexpr uint8_t kSawOther = 1 << 1;   // strings, metamethods, errors: the slow path

constexpr uint8_t kReturnMayClose = 1 << 0;
constexpr uint8_t kReturnVararg = 1 << 1;

struct Proto : GCObject {
  uint8_t numParams;
  uint8_t isVararg;
  uint16_t maxStack;       // frame size: locals + operand stack
  uint16_t frameSize;      // slots a call needs: maxStack, and the parameters copied above the varargs (setFrameFacts)
  int lineDefined;
  int lastLineDefined;
  int32_t callHotness;     // calls left before it is hot (vm/JitHooks.hpp)
  int32_t loopHotness;     // backward branches left before its running loop is hot
  uint32_t* code;
  int codeSize;
  // What a return has to do besides moving results (setFrameFacts): close
  // open upvalues or to-be-closed variables of its frame (kReturnMayClose:
  // the code makes closures or to-be-closed variables), drop the extra
  // arguments below the frame (kReturnVararg). Zero for most functions, which
  // the returns test in one compare.
  uint8_t returnWork;
  Feedback* feedback;      // one entry per instruction, zeroed
  // The interpreter's address of the feedback of the instruction before pc:
  // feedbackBias + 2 * pc (instructions are 4 bytes, entries 8).
  uintptr_t feedbackBias;
  int* lineInfo;           // line of each instruction (codeSize entries)
  Value* constants;
  int numConstants;
  Proto** protos;
  int numProtos;
  UpvalueDesc* upvalues;
  int numUpvalues;
  LocalVarInfo* locals;
  int numLocals;
  String* source;
};

// An upvalue points into a stack slot while its variable is alive (open) and
// holds the value itself once the variable goes out of scope (closed).
struct UpVal : GCObject {
  uint8_t tbc;        // to-be-closed marker (unused for now)
  Value* v;           // stack slot or &closed
  union {
    struct {
      UpVal* next;    // open upvalues of a thread, by decreasing stack level
      UpVal** previous;
    } open;
    Value closed;
  } u;
  bool isOpen() const { return v != &u.closed; }
};

struct LuaClosure : GCObject {
  uint8_t numUpvalues;
  Proto* proto;
  UpVal* upvals[1];
};

struct NativeClosure : GCObject {
  uint8_t numUpvalues;
  NativeFunction fn;
  Value upvalues[1];
};

struct Userdata : GCObject {
  uint16_t numUserValues;
  // Set on the box of a C API string buffer (luaL_Buffer): its block is an
  // OwnedBlock, whose bytes are freed with the userdata if not before.
  bool ownsBlock;
  size_t length;
  Table* metatable;
  Value* userValues;
  alignas(16) unsigned char block[1];
  void* memory() { return block; }
};

// The block of a Userdata with ownsBlock: raw bytes it owns (gc::allocRaw).
struct OwnedBlock {
  char* bytes;
  size_t size;
};

constexpr size_t luaClosureSize(int n) { return offsetof(LuaClosure, upvals) + sizeof(UpVal*) * (n > 0 ? n : 1); }
constexpr size_t nativeClosureSize(int n) { return offsetof(NativeClosure, upvalues) + sizeof(Value) * (n > 0 ? n : 1); }
constexpr size_t stringSize(size_t len) { return offsetof(String, bytes) + len + 1; }

}  // namespace tycho
