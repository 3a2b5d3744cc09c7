// Marks the code that words a finding as cold (a private header).
//
// A rule is called for every cadre and nearly always returns at once; the words of a
// finding, made for a few cadres in a hundred, need a large frame and every register.
// Inlined into the rule they made every call save and restore them all (a fifth of
// `check`); kept out of line the common path stays a few instructions, and the compiler
// lays the branch to them out as unlikely.
#pragma once

#if defined(__GNUC__) || defined(__clang__)
#define CADREPLAN_COLD [[gnu::cold, gnu::noinline]]
#else
#define CADREPLAN_COLD
#endif
