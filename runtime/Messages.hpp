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
inline constexpr const char* kBinaryChunksUnsupported = "binary chunks are not supported yet";
inline constexpr const char* kReaderNotString = "reader function must return a string";
inline constexpr const char* kCloseRunning = "cannot close a running coroutine";
inline constexpr const char* kCloseNormal = "cannot close a normal coroutine";
inline constexpr const char* kBadSelf = "calling '%s' on bad self (%s)";
inline constexpr const char* kBadArgument = "bad argument #%d to '%s' (%s)";
inline constexpr const char* kTostringNotString = "'__tostring' must return a string";
inline constexpr const char* kTooManyResumeArgs = "too many arguments to resume";
inline constexpr const char* kTooManyResumeResults = "too many results to resume";
inline constexpr const char* kErrorObjectIsA = "(error object is a %s value)";

}  // namespace tycho::msg
