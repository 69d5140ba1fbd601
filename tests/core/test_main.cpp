// The doctest runner for all core stage tests (one file per stage beside this one).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
