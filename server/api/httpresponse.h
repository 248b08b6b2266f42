#pragma once
// An answer before it is written: status, headers, body. Also the JSON error body of shared/API.md.

#include "server/core/page.h"
#include "server/core/result.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonValue>
#include <QList>
#include <QPair>

namespace joxai {

struct HttpResponse
{
    int status = 200;
    QByteArray contentType = QByteArrayLiteral("application/json; charset=utf-8");
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    static HttpResponse json(int status, const QJsonValue &value);
    static HttpResponse error(const Error &error);
    static HttpResponse noContent();
    static HttpResponse text(int status, const QByteArray &contentType, const QByteArray &body);

    // {"items": [...], "total", "limit", "offset"}
    template<typename T, typename ToJson>
    static HttpResponse page(const Page<T> &page, ToJson toJson)
    {
        QJsonArray items;
        for (const T &item : page.items)
            items.append(toJson(item));
        return json(200, QJsonObject{{QStringLiteral("items"), items},
                                     {QStringLiteral("total"), page.total},
                                     {QStringLiteral("limit"), page.limit},
                                     {QStringLiteral("offset"), page.offset}});
    }
};

int statusFor(ErrorKind kind);
QByteArray reasonPhrase(int status);

} // namespace joxai
