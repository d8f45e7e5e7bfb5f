// Messages: the catalogue of the runtime's error messages (LuaJIT keeps one
// list too). Texts are lua5.4's, character for character: tests compare
// them with the oracle. printf-style conversions are those of pushFormat
// (%s %d %I %f %p %c %U %%); note that "%%" prints one '%'.
#pragma once

namespace tycho::msg {

inline constexpr const char* kStackOverflow = "stack overflow";
inline constexpr const char* kCStackOverflow = "C stack overflow";
inline constexpr const char* kErrorInErrorHandling = "error in error handling";
inline constexpr const char* kNotEnoughMemory = "not enough memory";
inline constexpr const char* kTableOverflow = "table overflow";
inline constexpr const char* kIndexIsNil = "table index is nil";
inline constexpr const char* kIndexIsNaN = "table index is NaN";
inline constexpr const char* kInvalidNextKey = "invalid key to 'next'";
inline constexpr const char* kCallChainTooLong = "'__call' chain too long; possible loop";
inline constexpr const char* kIndexChainTooLong = "'__index' chain too long; possible loop";
inline constexpr const char* kNewindexChainTooLong = "'__newindex' chain too long; possible loop";
inline constexpr const char* kNonClosableValue = "variable '%s' got a non-closable value";
inline constexpr const char* kResumeNonSuspended = "cannot resume non-suspended coroutine";
inline constexpr const char* kResumeDead = "cannot resume dead coroutine";
inline constexpr const char* kYieldOutsideCoroutine = "attempt to yield from outside a coroutine";
inline constexpr const char* kYieldAcrossC = "attempt to yield across a C-call boundary";
inline constexpr const char* kBadForValue = "bad 'for' %s (number expected, got %s)";
inline constexpr const char* kForStepZero = "'for' step is zero";
inline constexpr const char* kStrayExtraArg = "bad bytecode: stray EXTRAARG";
inline constexpr const char* kTypeError = "attempt to %s a %s value%s";
inline constexpr const char* kNoIntegerRep = "number%s has no integer representation";
inline constexpr const char* kModuloByZero = "attempt to perform 'n%%0'";
inline constexpr const char* kDivideByZero = "attempt to divide by zero";
inline constexpr const char* kStringArith = "attempt to %s a '%s' with a '%s'";
inline constexpr const char* kCompareSame = "attempt to compare two %s values";
inline constexpr const char* kCompareDifferent = "attempt to compare %s with %s";
inline constexpr const char* kStringLengthOverflow = "string length overflow";
inline constexpr const char* kAssertionFailed = "assertion failed!";
inline constexpr const char* kProtectedMetatable = "cannot change a protected metatable";
inline constexpr const char* kLoadBinaryMode = "attempt to load a binary chunk (mode is '%s')";
inline constexpr const char* kLoadTextMode = "attempt to load a text chunk (mode is '%s')";
inline constexpr const char* kBadBinaryFormat = "%s: bad binary format (%s)";
inline constexpr const char* kReaderNotString = "reader function must return a string";
inline constexpr const char* kCloseRunning = "cannot close a running coroutine";
inline constexpr const char* kCloseNormal = "cannot close a normal coroutine";
inline constexpr const char* kBadSelf = "calling '%s' on bad self (%s)";
inline constexpr const char* kBadArgument = "bad argument #%d to '%s' (%s)";
inline constexpr const char* kTostringNotString = "'__tostring' must return a string";
inline constexpr const char* kTooManyResumeArgs = "too many arguments to resume";
inline constexpr const char* kTooManyResumeResults = "too many results to resume";
inline constexpr const char* kErrorObjectIsA = "(error object is a %s value)";
inline constexpr const char* kInterrupted = "interrupted!";

// Table, math and utf8 libraries: errors (raised with libError).
inline constexpr const char* kLengthNotInteger = "object length is not an integer";
inline constexpr const char* kStackOverflowFor = "stack overflow (%s)";
inline constexpr const char* kInsertWrongArgs = "wrong number of arguments to 'insert'";
inline constexpr const char* kInvalidConcatValue = "invalid value (%s) at index %I in table for 'concat'";
inline constexpr const char* kTooManyUnpackResults = "too many results to unpack";
inline constexpr const char* kInvalidSortOrder = "invalid order function for sorting";
inline constexpr const char* kWrongArgumentCount = "wrong number of arguments";
inline constexpr const char* kInvalidUtf8 = "invalid UTF-8 code";
inline constexpr const char* kStringSliceTooLong = "string slice too long";
inline constexpr const char* kContinuationByte = "initial position is a continuation byte";
// ... and the explanations of their "bad argument" errors (argError).
inline constexpr const char* kArgValueExpected = "value expected";
inline constexpr const char* kArgPositionOutOfBounds = "position out of bounds";
inline constexpr const char* kArgTooManyToMove = "too many elements to move";
inline constexpr const char* kArgDestinationWrap = "destination wrap around";
inline constexpr const char* kArgArrayTooBig = "array too big";
inline constexpr const char* kArgZero = "zero";
inline constexpr const char* kArgIntervalEmpty = "interval is empty";
inline constexpr const char* kArgOutOfBounds = "out of bounds";
inline constexpr const char* kArgInitialOutOfBounds = "initial position out of bounds";
inline constexpr const char* kArgFinalOutOfBounds = "final position out of bounds";
inline constexpr const char* kArgValueOutOfRange = "value out of range";

}  // namespace tycho::msg

// Argument checks and the auxiliary library (§5, lauxlib): luaL_argerror,
// luaL_typeerror and the luaL_check* functions, which the standard library
// shares (stdlib/Lib.hpp), and the other luaL_* functions (api/AuxLib.cpp).
namespace tycho::msg {
inline constexpr const char* kTypeExpected = "%s expected, got %s";
inline constexpr const char* kNoValue = "no value";
inline constexpr const char* kArgNoIntegerRep = "number has no integer representation";
inline constexpr const char* kBadArgumentNoFrame = "bad argument #%d (%s)";
inline constexpr const char* kInvalidOption = "invalid option '%s'";
inline constexpr const char* kNoExtraInfo = "(no extra info)";
inline constexpr const char* kBufferTooLarge = "buffer too large";
inline constexpr const char* kTooManyUpvalues = "too many upvalues";
inline constexpr const char* kIncompatibleNumbers = "core and library have incompatible numeric types";
inline constexpr const char* kVersionMismatch = "version mismatch: app. needs %f, Lua core provides %f";
inline constexpr const char* kPanic = "PANIC: unprotected error in call to Lua API (%s)\n";
inline constexpr const char* kErrorObjectNotString = "error object is not a string";
}  // namespace tycho::msg

// String library (§6.4): errors (raised with libError).
namespace tycho::msg {
inline constexpr const char* kStrResultTooLarge = "resulting string too large";
inline constexpr const char* kStrSliceTooLong = "string slice too long";
inline constexpr const char* kStrStackOverflow = "stack overflow (%s)";
inline constexpr const char* kStrUnableToDump = "unable to dump given function";
inline constexpr const char* kPatternEndsWithPercent = "malformed pattern (ends with '%%')";
inline constexpr const char* kPatternMissingBracket = "malformed pattern (missing ']')";
inline constexpr const char* kPatternMissingBalance = "malformed pattern (missing arguments to '%%b')";
inline constexpr const char* kPatternFrontierBracket = "missing '[' after '%%f' in pattern";
inline constexpr const char* kPatternInvalidCaptureIndex = "invalid capture index %%%d";
inline constexpr const char* kPatternInvalidCapture = "invalid pattern capture";
inline constexpr const char* kPatternUnfinishedCapture = "unfinished capture";
inline constexpr const char* kPatternTooComplex = "pattern too complex";
inline constexpr const char* kPatternTooManyCaptures = "too many captures";
inline constexpr const char* kGsubInvalidReplacement = "invalid replacement value (a %s)";
inline constexpr const char* kGsubInvalidPercent = "invalid use of '%%' in replacement string";
inline constexpr const char* kFormatInvalidConversion = "invalid conversion '%s' to 'format'";
inline constexpr const char* kFormatInvalidSpec = "invalid conversion specification: '%s'";
inline constexpr const char* kFormatTooLong = "invalid format (too long)";
inline constexpr const char* kFormatQModifiers = "specifier '%%q' cannot have modifiers";
inline constexpr const char* kPackIntegralSize = "integral size (%d) out of limits [1,%d]";
inline constexpr const char* kPackMissingSize = "missing size for format option 'c'";
inline constexpr const char* kPackInvalidOption = "invalid format option '%c'";
inline constexpr const char* kPackIntegerTooBig = "%d-byte integer does not fit into Lua Integer";
// ... and the explanations of their "bad argument" errors (argError), which
// are not formats.
inline constexpr const char* kStrArgOutOfRange = "value out of range";
inline constexpr const char* kStrArgNoValue = "no value";
inline constexpr const char* kStrArgNoLiteral = "value has no literal form";
inline constexpr const char* kStrArgContainsZeros = "string contains zeros";
inline constexpr const char* kStrArgReplacementTypes = "string/function/table";
inline constexpr const char* kPackArgBadX = "invalid next option for option 'X'";
inline constexpr const char* kPackArgAlignment = "format asks for alignment not power of 2";
inline constexpr const char* kPackArgIntegerOverflow = "integer overflow";
inline constexpr const char* kPackArgUnsignedOverflow = "unsigned overflow";
inline constexpr const char* kPackArgStringTooLong = "string longer than given size";
inline constexpr const char* kPackArgLengthTooBig = "string length does not fit in given size";
inline constexpr const char* kPackArgVariableLength = "variable-length format";
inline constexpr const char* kPackArgTooLarge = "format result too large";
inline constexpr const char* kPackArgDataTooShort = "data string too short";
inline constexpr const char* kPackArgInitialPosition = "initial position out of string";
inline constexpr const char* kPackArgUnfinishedZ = "unfinished string for format 'z'";
}  // namespace tycho::msg

// io and os libraries: errors (raised with libError) and argument explanations.
namespace tycho::msg {
inline constexpr const char* kClosedFile = "attempt to use a closed file";
inline constexpr const char* kDefaultFileClosed = "default %s file is closed";
inline constexpr const char* kFileAlreadyClosed = "file is already closed";
inline constexpr const char* kCannotOpenFile = "cannot open file '%s' (%s)";
inline constexpr const char* kCannotCloseStandardFile = "cannot close standard file";
inline constexpr const char* kTooManyArguments = "too many arguments";
inline constexpr const char* kDateNotRepresentable = "date result cannot be represented in this installation";
inline constexpr const char* kTimeNotRepresentable = "time result cannot be represented in this installation";
inline constexpr const char* kFieldMissing = "field '%s' missing in date table";
inline constexpr const char* kFieldNotInteger = "field '%s' is not an integer";
inline constexpr const char* kFieldOutOfBound = "field '%s' is out-of-bound";
inline constexpr const char* kUniqueFilename = "unable to generate a unique filename";
inline constexpr const char* kArgInvalidMode = "invalid mode";
inline constexpr const char* kArgInvalidFormat = "invalid format";
inline constexpr const char* kArgTimeOutOfBounds = "time out-of-bounds";
inline constexpr const char* kArgSeekRange = "not an integer in proper range";
}  // namespace tycho::msg

// Debug library (§6.10): explanations of its "bad argument" errors, and the
// texts of debug.debug and debug.gethook.
namespace tycho::msg {
inline constexpr const char* kArgLevelOutOfRange = "level out of range";
inline constexpr const char* kArgInvalidOption = "invalid option";
inline constexpr const char* kArgInvalidOptionFunction = "invalid option '>'";
inline constexpr const char* kArgInvalidUpvalueIndex = "invalid upvalue index";
inline constexpr const char* kArgLuaFunctionExpected = "Lua function expected";
inline constexpr const char* kDebugPrompt = "lua_debug> ";
inline constexpr const char* kDebugCommandChunk = "=(debug command)";
inline constexpr const char* kExternalHook = "external hook";
}  // namespace tycho::msg

// The command line (cli/): lua.c's messages.
namespace tycho::msg {
inline constexpr const char* kArgNotTable = "'arg' is not a table";
inline constexpr const char* kTooManyScriptArguments = "stack overflow (too many arguments to script)";
inline constexpr const char* kErrorMessageNotString = "(error message not a string)";
inline constexpr const char* kErrorCallingPrint = "error calling 'print' (%s)";
}  // namespace tycho::msg

// The C API (api/): lapi.c's and lobject.c's messages.
namespace tycho::msg {
inline constexpr const char* kPushfstringInvalidOption = "invalid option '%%%c' to 'lua_pushfstring'";
}  // namespace tycho::msg
