# One place for the settings every JoxAI target shares.
set(CMAKE_CXX_STANDARD 20)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
set(CMAKE_CXX_EXTENSIONS OFF)
set(CMAKE_AUTOMOC ON)
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)
if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
  set(CMAKE_BUILD_TYPE RelWithDebInfo CACHE STRING "Build type" FORCE)
endif()

# On by default for Release builds, the ones release packages are made from (README, "Build and
# sign a release"); a cache option so the everyday builds keep their flags (and their objects).
if(CMAKE_BUILD_TYPE STREQUAL "Release")
  set(joxai_hardening_default ON)
else()
  set(joxai_hardening_default OFF)
endif()
option(JOXAI_HARDENING "Build with Debian's hardening flags (FORTIFY_SOURCE, stack protector, bind now)"
  ${joxai_hardening_default})

find_program(JOXAI_CCACHE ccache)
if(JOXAI_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  set(CMAKE_CXX_COMPILER_LAUNCHER "${JOXAI_CCACHE}")
endif()

function(joxai_target_settings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
  if(JOXAI_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  target_compile_definitions(${target} PRIVATE
    QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER QT_NO_FOREACH QT_NO_KEYWORDS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400)
  if(JOXAI_HARDENING)
    # Debian's hardening (what dpkg-buildflags gives packages, and what lintian looks for):
    # fortified libc calls, a stack protector, read-only relocations bound at start. Debian 12's
    # gcc already builds PIE. glibc refuses _FORTIFY_SOURCE without optimisation: not in Debug.
    target_compile_options(${target} PRIVATE -fstack-protector-strong
      $<$<NOT:$<CONFIG:Debug>>:-U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=2>)
    target_link_options(${target} PRIVATE LINKER:-z,relro,-z,now)
  endif()
  if(JOXAI_SANITIZE)
    # Only our code is instrumented; Qt and the system libraries run as shipped. Undefined
    # behaviour stops the program instead of printing and carrying on, so a test cannot pass over it.
    target_compile_options(${target} PRIVATE -fsanitize=${JOXAI_SANITIZE} -fno-sanitize-recover=all
      -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE -fsanitize=${JOXAI_SANITIZE})
  endif()
endfunction()

# joxai_add_library(name ALIAS Joxai::Name SOURCES ... PUBLIC_LIBS ... PRIVATE_LIBS ...)
function(joxai_add_library name)
  cmake_parse_arguments(ARG "" "ALIAS" "SOURCES;PUBLIC_LIBS;PRIVATE_LIBS" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  if(ARG_ALIAS)
    add_library(${ARG_ALIAS} ALIAS ${name})
  endif()
  joxai_target_settings(${name})
  target_include_directories(${name} PUBLIC "${PROJECT_SOURCE_DIR}")
  target_link_libraries(${name} PUBLIC ${ARG_PUBLIC_LIBS} PRIVATE ${ARG_PRIVATE_LIBS})
endfunction()

# joxai_add_test(tst_name SOURCES ... LIBS ... [BOTH_DATABASES] [LABELS ...])
# BOTH_DATABASES registers the test twice: once on a fresh SQLite file, once on the throwaway
# PostgreSQL cluster that tests/run.sh starts (JOXAI_TEST_PG_URL).
function(joxai_add_test name)
  cmake_parse_arguments(ARG "BOTH_DATABASES" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  joxai_target_settings(${name})
  target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBS})
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 300)
  endif()
  set(env "QT_QPA_PLATFORM=offscreen;QT_FORCE_ASSERTS=1;JOXAI_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
  if(ARG_BOTH_DATABASES)
    foreach(db sqlite postgresql)
      add_test(NAME ${name}_${db} COMMAND ${name})
      set_tests_properties(${name}_${db} PROPERTIES
        ENVIRONMENT "${env};JOXAI_TEST_DB=${db}" TIMEOUT ${ARG_TIMEOUT}
        LABELS "${db};${ARG_LABELS}")
    endforeach()
  else()
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES ENVIRONMENT "${env}" TIMEOUT ${ARG_TIMEOUT}
      LABELS "${ARG_LABELS}")
  endif()
endfunction()
