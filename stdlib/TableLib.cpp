// TableLib: the table library of manual §6.6.
//
// As in lua5.4, every function reads and writes elements the way lua_geti
// and lua_seti do (a raw access first, then __index / __newindex) and takes
// lengths with __len, so proxies work; a non-table argument is accepted when
// its metatable has the fields the function needs. Elements are always
// fetched anew by index and kept on the Lua stack while in use: metamethods
// and sort comparators may run arbitrary code, resize the table and collect
// garbage, so no pointer into a table or the stack survives a call.
//
// sort is an introsort: quicksort with a median-of-three pivot and Hoare
// partitioning, recursing into the smaller part, falling back to heapsort
// when the depth passes 2·log2(n), so it is O(n log n) for any input. The
// partition scans are unguarded as in Lua's own sort, with checks that turn
// a scan running off its range (possible only with an inconsistent order
// function) into "invalid order function for sorting"; every loop is
// bounded, so a bad comparator gives an error or a permutation, never a
// crash or a hang.
#include <climits>
#include <string>

#include "runtime/Messages.hpp"
#include "runtime/Number.hpp"
#include "stdlib/Lib.hpp"

namespace tycho::lib {

namespace {

// Pushes t[i] (lua_geti).
void pushElement(lua_State* L, const Value& t, Integer i) {
  ensureStack(L, 1);
  if (t.isTable()) {
    Table* h = t.asTable();
    const Value* v = tableGetInt(h, i);
    if (!v->isNil()) {
      push(L, *v);
      return;
    }
    if (!h->metatable) {
      push(L, Value::nil());
      return;
    }
  }
  push(L, Value::nil());
  getTableMeta(L, t, Value::integer(i), saveStack(L, L->top - 1));
}

// t[i] = the value on top of the stack, which is popped (lua_seti). The
// value stays on the stack during the store, where the collector sees it.
void popToElement(lua_State* L, const Value& t, Integer i) {
  Value v = L->top[-1];
  if (t.isTable() && !t.asTable()->metatable) tableSetInt(L, t.asTable(), i, v);
  else setTableMeta(L, t, Value::integer(i), v);
  L->top--;
}

// #t with __len, which must give an integer (luaL_len).
Integer lengthOf(lua_State* L, const Value& t) {
  if (t.isTable() && !t.asTable()->metatable) return Integer(tableLength(G(L), t.asTable()));
  ensureStack(L, 1);
  push(L, Value::nil());
  ptrdiff_t off = saveStack(L, L->top - 1);
  lengthMeta(L, t, off);
  Value r = *restoreStack(L, off);
  L->top--;
  Integer n;
  if (!toInteger(r, &n)) libError(L, msg::kLengthNotInteger);
  return n;
}

// What a function needs of a non-table argument's metatable.
enum Needs { kRead = 1, kWrite = 2, kLength = 4 };

void checkTableLike(lua_State* L, int i, const char* fname, int needs) {
  Value v = arg(L, i);
  if (v.isTable()) return;
  if (metatableOf(L, v) && (!(needs & kRead) || !metamethod(L, v, TM_INDEX)->isNil()) &&
      (!(needs & kWrite) || !metamethod(L, v, TM_NEWINDEX)->isNil()) &&
      (!(needs & kLength) || !metamethod(L, v, TM_LEN)->isNil())) {
    return;
  }
  argTypeError(L, i, fname, "table");
}

int tabInsert(lua_State* L) {
  // The commonest call, an append to a table without a metatable: no
  // metamethod can apply, so the length and the store are raw.
  if (argCount(L) == 2 && args(L)[0].isTable() && !args(L)[0].asTable()->metatable) {
    Table* h = args(L)[0].asTable();
    Value v = args(L)[1];  // a copy: the store may allocate (the stack stays a root)
    tableSetInt(L, h, Integer(Unsigned(tableLength(G(L), h)) + 1), v);
    return 0;
  }
  checkTableLike(L, 1, "insert", kRead | kWrite | kLength);
  Value t = arg(L, 1);
  Integer end = Integer(Unsigned(lengthOf(L, t)) + 1);  // first empty slot
  Integer pos;
  switch (argCount(L)) {
    case 2:
      pos = end;
      break;
    case 3: {
      pos = checkInteger(L, 2, "insert");
      // pos in [1, end]; the unsigned comparison also rejects pos <= 0.
      if (Unsigned(pos) - 1u >= Unsigned(end)) argError(L, 2, "insert", msg::kArgPositionOutOfBounds);
      for (Integer i = end; i > pos; i--) {  // shift up
        pushElement(L, t, i - 1);
        popToElement(L, t, i);
      }
      break;
    }
    default:
      libError(L, msg::kInsertWrongArgs);
  }
  ensureStack(L, 1);
  push(L, arg(L, argCount(L)));
  popToElement(L, t, pos);
  return 0;
}

int tabRemove(lua_State* L) {
  checkTableLike(L, 1, "remove", kRead | kWrite | kLength);
  Value t = arg(L, 1);
  Integer size = lengthOf(L, t);
  Integer pos = optInteger(L, 2, "remove", size);
  // A given position must be in [1, size + 1] (Lua 5.4.4 reported it as
  // argument #1). The default (size) is also valid for an empty table.
  if (pos != size && Unsigned(pos) - 1u > Unsigned(size)) argError(L, 2, "remove", msg::kArgPositionOutOfBounds);
  pushElement(L, t, pos);  // the result
  for (; pos < size; pos++) {
    pushElement(L, t, pos + 1);
    popToElement(L, t, pos);
  }
  ensureStack(L, 1);
  push(L, Value::nil());
  popToElement(L, t, pos);
  return 1;
}

int tabConcat(lua_State* L) {
  checkTableLike(L, 1, "concat", kRead | kLength);
  Value t = arg(L, 1);
  Integer last = lengthOf(L, t);
  String* sepString = optString(L, 2, "concat", nullptr);
  std::string sep = sepString ? std::string(view(sepString)) : std::string();
  Integer i = optInteger(L, 3, "concat", 1);
  last = optInteger(L, 4, "concat", last);
  std::string out;
  if (i <= last) {
    // Counted so that last = maxinteger does not overflow i.
    for (;;) {
      pushElement(L, t, i);
      Value v = L->top[-1];
      if (v.isString()) {
        out.append(view(v.asString()));
      } else if (v.isNumber()) {
        char buf[kMaxNumberText];
        out.append(buf, numberToText(v, buf));
      } else {
        libError(L, msg::kInvalidConcatValue, basicTypeName(v.type()), i);
      }
      L->top--;
      if (i == last) break;
      out += sep;
      i++;
    }
  }
  ensureStack(L, 1);
  pushString(L, out);
  return 1;
}

int tabPack(lua_State* L) {
  int n = argCount(L);
  ensureStack(L, 1);
  Table* t = newTable(L, n, 1);
  push(L, Value::table(t));
  for (int i = 1; i <= n; i++) tableSetInt(L, t, i, args(L)[i - 1]);
  String* key = newString(L, "n");
  tableSet(L, t, Value::string(key), Value::integer(n));
  return 1;
}

int tabUnpack(lua_State* L) {
  Value t = arg(L, 1);  // any indexable value: lua5.4 does not check it
  Integer i = optInteger(L, 2, "unpack", 1);
  Integer e = isNoneOrNil(L, 3) ? lengthOf(L, t) : checkInteger(L, 3, "unpack");
  if (i > e) return 0;
  Unsigned n = Unsigned(e) - Unsigned(i);  // count - 1, without overflow
  // lua_checkstack's limit, which also counts its 5 extra slots: the
  // results must fit in the largest stack.
  Unsigned used = Unsigned(L->top - L->stack) + 5;
  if (n >= Unsigned(INT_MAX) || used + n + 1 > Unsigned(kMaxStack)) libError(L, msg::kTooManyUnpackResults);
  ensureStack(L, int(n + 1));
  for (; i < e; i++) pushElement(L, t, i);
  pushElement(L, t, e);
  return int(n + 1);
}

int tabMove(lua_State* L) {
  Integer f = checkInteger(L, 2, "move");
  Integer e = checkInteger(L, 3, "move");
  Integer dest = checkInteger(L, 4, "move");
  int tt = isNoneOrNil(L, 5) ? 1 : 5;  // destination table
  checkTableLike(L, 1, "move", kRead);
  checkTableLike(L, tt, "move", kWrite);
  if (e >= f) {
    // The count e - f + 1 and the last destination must fit an integer.
    if (!(f > 0 || e < INT64_MAX + f)) argError(L, 3, "move", msg::kArgTooManyToMove);
    Integer n = e - f + 1;
    if (dest > INT64_MAX - n + 1) argError(L, 4, "move", msg::kArgDestinationWrap);
    Value a1 = arg(L, 1), a2 = arg(L, tt);
    // Copying upwards over an overlapping range must start from the end.
    if (dest > e || dest <= f || (tt != 1 && !equalsMeta(L, a1, a2))) {
      for (Integer k = 0; k < n; k++) {
        pushElement(L, a1, f + k);
        popToElement(L, a2, dest + k);
      }
    } else {
      for (Integer k = n - 1; k >= 0; k--) {
        pushElement(L, a1, f + k);
        popToElement(L, a2, dest + k);
      }
    }
  }
  ensureStack(L, 1);
  push(L, arg(L, tt));
  return 1;
}

// --- sort ---

class Sorter {
 public:
  Sorter(lua_State* L) : L_(L), t_(arg(L, 1)), hasComparator_(!isNoneOrNil(L, 2)) {}

  void sort(Integer lo, Integer hi) {
    int depth = 0;
    for (Integer n = hi - lo + 1; n > 1; n >>= 1) depth += 2;
    sortRange(lo, hi, depth);
  }

 private:
  lua_State* L_;
  Value t_;
  bool hasComparator_;

  Value& top(int i) { return L_->top[-i]; }
  void pop(int n) { L_->top -= n; }
  void get(Integer i) { pushElement(L_, t_, i); }
  void set(Integer i) { popToElement(L_, t_, i); }

  // a < b, with the comparator (argument 2) or the `<` operator. Both
  // values must be on the stack.
  bool less(Value a, Value b) {
    if (!hasComparator_) return lessThanMeta(L_, a, b);
    ensureStack(L_, 3);
    StkId func = L_->top;
    func[0] = args(L_)[1];
    func[1] = a;
    func[2] = b;
    L_->top = func + 3;
    call(L_, func, 1);
    bool r = L_->top[-1].isTruthy();
    L_->top--;
    return r;
  }

  // With a[i] and a[j] on top of the stack (a[j] topmost): when `doSwap`,
  // stores them swapped; pops both either way.
  void finishSwap(Integer i, Integer j, bool doSwap) {
    if (!doSwap) {
      pop(2);
      return;
    }
    set(i);  // a[j] -> t[i]
    set(j);  // a[i] -> t[j]
  }

  [[noreturn]] void invalidOrder() { libError(L_, msg::kInvalidSortOrder); }

  void sortRange(Integer lo, Integer hi, int depth) {
    while (lo < hi) {
      // Order a[lo] <= a[hi], then a[mid] between them.
      get(lo);
      get(hi);
      finishSwap(lo, hi, less(top(1), top(2)));
      if (hi - lo == 1) return;
      Integer mid = lo + (hi - lo) / 2;
      get(mid);
      get(lo);
      bool below = less(top(2), top(1));
      finishSwap(mid, lo, below);
      if (!below) {
        get(mid);
        get(hi);
        finishSwap(mid, hi, less(top(1), top(2)));
      }
      if (hi - lo == 2) return;
      if (depth-- == 0) {
        heapSort(lo, hi);
        return;
      }
      Integer p = partition(lo, hi, mid);
      // Recurse into the smaller part and loop on the larger one, so the
      // C++ stack grows by at most log2(n) frames.
      if (p - lo < hi - p) {
        sortRange(lo, p - 1, depth);
        lo = p + 1;
      } else {
        sortRange(p + 1, hi, depth);
        hi = p - 1;
      }
    }
  }

  // Partitions a[lo..hi] (at least 4 elements, a[lo] <= a[mid] <= a[hi])
  // around the pivot a[mid]; returns the pivot's final index.
  Integer partition(Integer lo, Integer hi, Integer mid) {
    // The pivot goes to hi - 1 and stays on the stack as P.
    get(mid);
    get(hi - 1);
    set(mid);
    ensureStack(L_, 1);
    push(L_, top(1));
    set(hi - 1);
    Integer i = lo, j = hi - 1;
    for (;;) {
      // a[hi - 1] is P, so a consistent order stops this scan there.
      for (;;) {
        get(++i);
        if (!less(top(1), top(2))) break;
        if (i >= hi - 1) invalidOrder();
        pop(1);
      }
      // a[lo] <= P stops this scan; everything below i is known <= P.
      for (;;) {
        get(--j);
        if (!less(top(3), top(1))) break;
        if (j < i) invalidOrder();
        pop(1);
      }
      if (j < i) {
        pop(2);
        break;
      }
      finishSwap(i, j, true);
    }
    // Put the pivot in its place.
    get(i);
    set(hi - 1);
    set(i);  // P
    return i;
  }

  // Heapsort of a[lo..hi] (a max-heap rooted at lo).
  void heapSort(Integer lo, Integer hi) {
    Integer count = hi - lo + 1;
    for (Integer start = count / 2 - 1; start >= 0; start--) siftDown(lo, start, count);
    for (Integer end = count - 1; end > 0; end--) {
      get(lo);
      get(lo + end);
      finishSwap(lo, lo + end, true);
      siftDown(lo, 0, end);
    }
  }

  // Moves the element at heap position `root` down to its place in the
  // heap of the first `end` positions.
  void siftDown(Integer lo, Integer root, Integer end) {
    get(lo + root);  // V, held while the hole moves down
    for (;;) {
      Integer child = 2 * root + 1;
      if (child >= end) break;
      get(lo + child);
      if (child + 1 < end) {
        get(lo + child + 1);
        if (less(top(2), top(1))) {
          child++;
          top(2) = top(1);
        }
        pop(1);
      }
      if (!less(top(2), top(1))) {
        pop(1);
        break;
      }
      set(lo + root);  // the larger child moves up
      root = child;
    }
    set(lo + root);
  }
};

int tabSort(lua_State* L) {
  checkTableLike(L, 1, "sort", kRead | kWrite | kLength);
  Integer n = lengthOf(L, arg(L, 1));
  if (n > 1) {
    if (n >= INT_MAX) argError(L, 1, "sort", msg::kArgArrayTooBig);
    if (!isNoneOrNil(L, 2) && !arg(L, 2).isFunction()) argTypeError(L, 2, "sort", "function");
    // Keep exactly the table and the comparator (or nil) below the values
    // the sort pushes.
    if (argCount(L) < 2) push(L, Value::nil());
    L->top = args(L) + 2;
    Sorter(L).sort(1, n);
  }
  return 0;
}

}  // namespace

int openTable(lua_State* L) {
  Table* lib = newTable(L, 0, 8);
  push(L, Value::table(lib));
  static const struct { const char* name; NativeFunction fn; } kFunctions[] = {
    {"concat", tabConcat}, {"insert", tabInsert}, {"move", tabMove}, {"pack", tabPack},
    {"remove", tabRemove}, {"sort", tabSort}, {"unpack", tabUnpack},
  };
  for (const auto& f : kFunctions) setFunction(L, lib, f.name, f.fn);
  return 1;
}

}  // namespace tycho::lib
