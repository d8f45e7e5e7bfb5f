// Raw equality of values (§3.4.4 without metamethods).
#include "runtime/Value.hpp"

#include "runtime/Number.hpp"
#include "runtime/Object.hpp"
#include "runtime/String.hpp"

namespace tycho {

bool rawEquals(const Value& a, const Value& b) {
  if (a.tag != b.tag) {
    if (a.type() != b.type()) return false;
    if (a.type() == kTypeNil) return true;  // nil variants
    if (a.type() != kTypeNumber) return false;
    // An integer and a float are equal when they denote the same number.
    Integer i;
    if (a.isInteger()) return floatToInteger(b.u.n, &i) && i == a.u.i;
    return floatToInteger(a.u.n, &i) && i == b.u.i;
  }
  switch (a.tag) {
    case kTagNil: case kTagEmpty: case kTagAbsentKey: case kTagFalse: case kTagTrue: return true;
    case kTagFloat: return a.u.n == b.u.n;
    case kTagLongString: return stringEquals(a.asString(), b.asString());
    default: return a.u.i == b.u.i;
  }
}

}  // namespace tycho
