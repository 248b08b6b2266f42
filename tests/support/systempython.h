#pragma once
// Runs a Python snippet with Debian's interpreter (/usr/bin/python3, which has python3-bcrypt and
// python3-jwt; the python3 on PATH may be another one), for interoperability tests.

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace joxai::test {

// `input` goes to stdin so any byte sequence arrives unchanged. False (with a warning naming the
// cause) when Python cannot start, times out or exits non-zero; `output` is stdout, trimmed.
bool runSystemPython(const QString &script, const QStringList &args, const QByteArray &input, QByteArray *output);

} // namespace joxai::test
