// BytecodeFormat: the layout of Tycho's binary chunks (string.dump, load),
// shared by the serializer (Dump.cpp) and the loader (Undump.cpp).
//
// Every number has an explicit width and is little-endian whatever the host,
// so a chunk written on one machine loads on any other. A chunk is a fixed
// header followed by a payload, the dumped function:
//
//   offset size  header field
//    0     4     signature "\x1bLua" (load tells binary chunks by the first byte)
//    4     1     Lua version 0x54 (5.4)
//    5     1     format 'T': Tycho's own bytecode, not PUC Lua's format 0
//    6     4     "\r\n\x1a\n": newline or end-of-file conversions corrupt it
//   10     2     bytecode revision (kRevision)
//   12     2     flags (kFlagStripped: no debug information)
//   14     4     instruction set fingerprint (instructionSetFingerprint())
//   18     8     payload size in bytes
//   26     8     checksum (chunkChecksum): XXH3-64 of the payload, seeded
//                with the XXH3-64 of header bytes 0-25
//   34           payload
//
// Every header byte is covered: the fields before the flags are compared with
// the expected values one by one (so that a chunk of another engine or version
// gets lua5.4's message), and the checksum covers the whole header before it
// as well as the payload, so that a changed flag or size is refused even where
// its new value would be a valid one.
//
// The checksum catches corruption, not malice: anyone can compute it, so the
// loader still bounds every read and the verifier (Verify.hpp) checks the
// code. Bytes after the payload are ignored, as lua5.4 ignores them.
//
// A function (the payload is the main one; nested functions are inline):
//   u8  numParams          u8  flags (bit 0: vararg)     u16 maxStack
//   i32 lineDefined        i32 lastLineDefined
//   u8  source kind (kSourceNone / kSourceParent / kSourceOwn), then for
//       kSourceOwn the source string
//   u32 n, n x u32         instructions (Opcodes.hpp encoding)
//   u32 n, n x constant    u8 kind, then i64 (integer), u64 IEEE-754 bits
//                          (float) or a string
//   u32 n, n x upvalue     u8 inStack, u8 kind, u16 index
//   u32 n, n x function    nested functions
//   u32 n, n x i32         source line of each instruction (n = 0 or the
//                          number of instructions)
//   u32 n, n x local       string name, i32 startPc, i32 endPc, i32 slot
//   u32 n, n x string      upvalue names (n = 0 or the number of upvalues)
// A string is a u64 length and that many bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <xxhash.h>

#include "compiler/Opcodes.hpp"

namespace tycho::bytecode {

inline constexpr char kSignature[] = "\x1bLua";
constexpr size_t kSignatureSize = 4;
constexpr uint8_t kLuaVersion = 0x54;
constexpr uint8_t kFormat = 'T';
inline constexpr char kConversionCheck[] = "\r\n\x1a\n";
constexpr size_t kConversionCheckSize = 4;
constexpr uint16_t kRevision = 6;  // 2: the checksum covers the header; 3: seven binary operand forms, new index and store forms; 4: index and store forms with slots and constants (format ABC); 5: flavours of the operators that complete the next instruction (_SET, _J); 6: nil and boolean constants (stored values)
constexpr uint16_t kFlagStripped = 1;
constexpr uint16_t kKnownFlags = kFlagStripped;
constexpr size_t kFlagsOffset = 12;
constexpr size_t kSizeOffset = 18;
constexpr size_t kChecksumOffset = 26;
constexpr size_t kHeaderSize = 34;

constexpr uint8_t kFunctionVararg = 1;

enum SourceKind : uint8_t { kSourceNone = 0, kSourceParent = 1, kSourceOwn = 2 };
enum ConstantKind : uint8_t { kConstInteger = 1, kConstFloat = 2, kConstString = 3, kConstNil = 4, kConstFalse = 5, kConstTrue = 6 };

// Smallest encodings, which bound what a count can claim: a count of n
// elements needs at least n times these bytes after it.
constexpr size_t kMinStringBytes = 8;
constexpr size_t kMinConstantBytes = 1;  // nil, false, true
constexpr size_t kUpvalueBytes = 4;
constexpr size_t kMinLocalBytes = kMinStringBytes + 12;
constexpr size_t kMinFunctionBytes = 1 + 1 + 2 + 4 + 4 + 1 + 7 * 4;

// The checksum of a chunk whose first kChecksumOffset bytes are `header`.
inline uint64_t chunkChecksum(const char* header, std::string_view payload) {
  XXH64_hash_t seed = XXH3_64bits(header, kChecksumOffset);
  return XXH3_64bits_withSeed(payload.data(), payload.size(), seed);
}

// Identifies the instruction set: a hash of every opcode's name, operand
// format and stack effect in table order, so that a chunk made by a Tycho
// whose opcode table differs is refused instead of misread.
inline uint32_t instructionSetFingerprint() {
  static const uint32_t fingerprint = [] {
    std::string text;
    for (const OpInfo& op : kOpInfo) {
      text += op.name;
      text += char('0' + int(op.format));
      text += std::to_string(op.pops) + "," + std::to_string(op.pushes) + ";";
    }
    return uint32_t(XXH3_64bits(text.data(), text.size()));
  }();
  return fingerprint;
}

}  // namespace tycho::bytecode
