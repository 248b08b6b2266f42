#pragma once
// What went wrong with one API call, in the API's own terms (status, code, detail, fields) and in
// plain words for the person at the console (message()).

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace joxai::ui {

struct ApiError
{
    Q_DECLARE_TR_FUNCTIONS(ApiError)

public:
    int status = 0;          // 0: no answer at all (see networkError)
    QString code;            // the API's machine code, e.g. "invalid_credentials"
    QString detail;          // the API's sentence
    QJsonObject fields;      // per-field validation messages
    int retryAfterSeconds = 0;
    QString networkError;    // Qt's text when the server could not be reached
    QString server;          // the server's address, for messages about reaching it

    bool isNetwork() const { return status == 0; }
    // One or two sentences for the person at the console; never a stack trace or raw JSON.
    QString message() const;
};

} // namespace joxai::ui
