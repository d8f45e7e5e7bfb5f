// Disassembler: listings of FunctionCode and prototypes (see
// Disassembler.hpp). A prototype is listed through the FunctionCode that
// describes it, so that both kinds of listing are made by one printer.
#include "compiler/Disassembler.hpp"

#include <cstdio>
#include <vector>

#include "runtime/Object.hpp"
#include "runtime/String.hpp"

namespace tycho {

namespace {

std::string constantText(const Constant& c) {
  char buf[64];
  switch (c.kind) {
    case Constant::Integer: std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(c.i)); return buf;
    case Constant::Float: std::snprintf(buf, sizeof buf, "%.14g", c.n); return buf;
    case Constant::Nil: return "nil";
    case Constant::False: return "false";
    case Constant::True: return "true";
    case Constant::String: {
      std::string out = "\"";
      for (unsigned char ch : c.s) {
        if (ch == '"' || ch == '\\') {
          out += '\\';
          out += char(ch);
        } else if (ch < 32 || ch >= 127) {
          std::snprintf(buf, sizeof buf, "\\%d", ch);
          out += buf;
        } else {
          out += char(ch);
        }
      }
      return out + "\"";
    }
  }
  return "?";
}

// The operand fields of `i`, and in `comment` what they name, by their kinds
// in the opcode table: constants, upvalues (by name) and jump targets
// (numbered from 1, as the listing numbers instructions). A comment naming
// anything out of range is left out.
std::string operands(const FunctionCode& f, int pc, Instruction i, std::string* comment) {
  const OpInfo& info = kOpInfo[opcodeOf(i)];
  std::string text;
  std::vector<std::string> named;
  bool inRange = true;
  for (int n = 0; n < fieldCount(info.format); n++) {
    int32_t v = fieldValue(i, n);
    text += (n > 0 ? " " : "") + std::to_string(v);
    switch (info.fields[n]) {
      case OperandKind::Constant: case OperandKind::KString:
        inRange = inRange && size_t(v) < f.constants.size();
        if (inRange) named.push_back(constantText(f.constants[size_t(v)]));
        break;
      case OperandKind::Upvalue:
        inRange = inRange && size_t(v) < f.upvalues.size();
        if (inRange) named.push_back(f.upvalues[size_t(v)].name);
        break;
      case OperandKind::Jump: case OperandKind::JumpForward: case OperandKind::JumpBack:
        named.push_back("to " + std::to_string(jumpTarget(i, pc) + 1));
        break;
      default: break;
    }
  }
  if (!inRange) return text;
  for (size_t k = 0; k < named.size(); k++) *comment += (k > 0 ? " " : "") + named[k];
  return text;
}

// The sections of a full listing after the instructions. A local's pcs are
// the first and the last instruction where it is live, numbered from 1 as
// the instructions are.
void details(const FunctionCode& f, std::string& out) {
  char buf[64];
  out += "  constants (" + std::to_string(f.constants.size()) + "):\n";
  for (size_t k = 0; k < f.constants.size(); k++) {
    static constexpr char kKind[] = {'I', 'F', 'S'};
    std::snprintf(buf, sizeof buf, "  %4zu  %c  ", k, kKind[f.constants[k].kind]);
    out += buf + constantText(f.constants[k]) + "\n";
  }
  out += "  locals (" + std::to_string(f.locals.size()) + "):\n";
  for (size_t k = 0; k < f.locals.size(); k++) {
    const FunctionCode::Local& l = f.locals[k];
    std::snprintf(buf, sizeof buf, "  %4zu  ", k);
    out += buf + l.name;
    int end = l.endPc < 0 ? int(f.code.size()) : l.endPc;
    std::snprintf(buf, sizeof buf, "  pc %d-%d  slot %d\n", l.startPc + 1, end, l.slot);
    out += buf;
  }
  out += "  upvalues (" + std::to_string(f.upvalues.size()) + "):\n";
  for (size_t k = 0; k < f.upvalues.size(); k++) {
    const FunctionCode::Upvalue& u = f.upvalues[k];
    std::snprintf(buf, sizeof buf, "  %4zu  ", k);
    out += buf + u.name;
    std::snprintf(buf, sizeof buf, "  %s %d\n", u.inStack ? "slot" : "upvalue", u.index);
    out += buf;
  }
}

void listing(const FunctionCode& f, std::string& out, bool headers, const std::string& name, bool full = false) {
  char buf[160];
  if (headers) {
    std::snprintf(buf, sizeof buf, "%s (lines %d-%d): %zu instructions, %d params%s, %d slots, %zu upvalues, %zu constants, %zu functions\n",
                  name.c_str(), f.lineDefined, f.lastLineDefined, f.code.size(), f.numParams, f.isVararg ? "+vararg" : "",
                  f.maxStack, f.upvalues.size(), f.constants.size(), f.protos.size());
    out += buf;
  }
  for (size_t pc = 0; pc < f.code.size(); pc++) {
    Instruction i = f.code[pc];
    std::string comment;
    std::string ops = operands(f, int(pc), i, &comment);
    std::string text = kOpInfo[opcodeOf(i)].name;
    if (!ops.empty()) text += " " + ops;
    if (headers) {
      if (pc < f.lines.size()) std::snprintf(buf, sizeof buf, "  %4zu  [%d]  ", pc + 1, f.lines[pc]);
      else std::snprintf(buf, sizeof buf, "  %4zu  [-]  ", pc + 1);
      out += buf;
      std::snprintf(buf, sizeof buf, "%-20s", text.c_str());
      out += buf;
      if (!comment.empty()) out += " ; " + comment;
      while (!out.empty() && out.back() == ' ') out.pop_back();
    } else {
      out += text;
      if (!comment.empty()) out += " ; " + comment;
    }
    out += "\n";
  }
  if (headers) {
    if (full) details(f, out);
    for (size_t j = 0; j < f.protos.size(); j++) {
      out += "\n";
      listing(*f.protos[j], out, true, "function <" + std::to_string(f.protos[j]->lineDefined) + ">", full);
    }
  }
}

// The FunctionCode that describes `p` (materialize() in reverse).
std::unique_ptr<FunctionCode> describe(const Proto& p) {
  auto f = std::make_unique<FunctionCode>();
  f->code.assign(p.code, p.code + p.codeSize);
  if (p.lineInfo) f->lines.assign(p.lineInfo, p.lineInfo + p.codeSize);
  for (int i = 0; i < p.numConstants; i++) {
    const Value& v = p.constants[i];
    Constant c;
    if (v.isInteger()) {
      c.kind = Constant::Integer;
      c.i = v.asInteger();
    } else if (v.isFloat()) {
      c.kind = Constant::Float;
      c.n = v.asFloat();
    } else if (v.isNil()) {
      c.kind = Constant::Nil;
    } else if (v.isBoolean()) {
      c.kind = v.isTrue() ? Constant::True : Constant::False;
    } else {  // compiled and loaded chunks have no other kind of constant
      c.kind = Constant::String;
      c.s = view(v.asString());
    }
    f->constants.push_back(std::move(c));
  }
  for (int i = 0; i < p.numProtos; i++) f->protos.push_back(describe(*p.protos[i]));
  for (int i = 0; i < p.numUpvalues; i++) {
    const UpvalueDesc& u = p.upvalues[i];
    f->upvalues.push_back({u.name ? std::string(view(u.name)) : "-", u.inStack, u.index, u.kind});
  }
  for (int i = 0; i < p.numLocals; i++) {
    const LocalVarInfo& l = p.locals[i];
    f->locals.push_back({std::string(view(l.name)), l.startPc, l.endPc, l.slot});
  }
  f->numParams = p.numParams;
  f->isVararg = p.isVararg;
  f->maxStack = p.maxStack;
  f->lineDefined = p.lineDefined;
  f->lastLineDefined = p.lastLineDefined;
  return f;
}

}  // namespace

std::string disassemble(const FunctionCode& f, ListingDetail detail) {
  std::string out;
  listing(f, out, true, "main", detail == ListingDetail::kFull);
  return out;
}

std::string disassemble(const Proto& p, ListingDetail detail) {
  return disassemble(*describe(p), detail);
}

std::string disassembleBody(const FunctionCode& f) {
  std::string out;
  listing(f, out, false, "");
  return out;
}

}  // namespace tycho
