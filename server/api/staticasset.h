#pragma once
// A file the server hands out as it is (the widget, the API documentation pages and their
// scripts): read once at start-up from the Qt resources, answered from memory on the main thread
// with a strong ETag (If-None-Match → 304 without a body), its Cache-Control and any headers of
// its own (a page's Content-Security-Policy, Cross-Origin-Resource-Policy for embeddable files).

#include "server/api/apirequest.h"
#include "server/api/httpresponse.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace joxai {

struct StaticAsset
{
    QByteArray body;
    QByteArray contentType;
    QByteArray etag;
    QByteArray cacheControl;
    QList<QPair<QByteArray, QByteArray>> headers;

    // Reads `path` (":/widget/…"); a missing file is logged and answers 404 (never a crash).
    static StaticAsset fromFile(const QString &path, const QByteArray &contentType, const QByteArray &cacheControl,
                                QList<QPair<QByteArray, QByteArray>> headers = {});
    static StaticAsset fromBytes(QByteArray body, const QByteArray &contentType, const QByteArray &cacheControl,
                                 QList<QPair<QByteArray, QByteArray>> headers = {});

    bool isEmpty() const { return body.isEmpty(); }
    HttpResponse answer(const ApiRequest &request) const;

    static bool matchesEtag(const QByteArray &ifNoneMatch, const QByteArray &etag);
};

} // namespace joxai
