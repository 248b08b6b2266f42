#include "server/auth/tokenservice.h"

#include "server/auth/cryptoutil.h"
#include "server/auth/numericdate.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>

#include <optional>
#include <utility>

namespace joxai {

namespace {

// Far above any token we issue (~250 bytes); bounds the work spent on hostile input.
constexpr qsizetype MaxTokenLength = 8192;

constexpr auto Base64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QByteArray encodePart(const QByteArray &raw)
{
    return raw.toBase64(Base64Url);
}

std::optional<QByteArray> decodePart(const QByteArray &encoded)
{
    // JWT parts are unpadded base64url (RFC 7515 §2): refuse '=' and any foreign character.
    if (encoded.isEmpty() || encoded.contains('='))
        return std::nullopt;
    auto decoded = QByteArray::fromBase64Encoding(
        encoded, Base64Url | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return std::move(decoded.decoded);
}

std::optional<QJsonObject> decodeObject(const QByteArray &encoded)
{
    const std::optional<QByteArray> json = decodePart(encoded);
    if (!json)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(*json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

// A JSON number that is a whole number fitting qint64 (1.5, "1", true and null are not).
std::optional<qint64> integerValue(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const qint64 a = value.toInteger(0);
    const qint64 b = value.toInteger(1);
    if (a != b)
        return std::nullopt; // toInteger fell back to the default: not a whole number
    return a;
}

std::optional<qint64> subjectValue(const QJsonValue &value)
{
    qint64 id = 0;
    if (value.isString()) {
        const QString text = value.toString();
        if (text.isEmpty() || text.size() > 18)
            return std::nullopt;
        for (const QChar c : text) {
            if (c < QLatin1Char('0') || c > QLatin1Char('9'))
                return std::nullopt;
        }
        bool ok = false;
        id = text.toLongLong(&ok);
        if (!ok)
            return std::nullopt;
    } else if (const std::optional<qint64> number = integerValue(value)) {
        id = *number;
    } else {
        return std::nullopt;
    }
    if (id <= 0)
        return std::nullopt;
    return id;
}

Error invalidToken(const QString &detail)
{
    return Error::make(ErrorKind::Unauthorized, QStringLiteral("invalid_token"), detail);
}

Error malformedToken()
{
    return invalidToken(QStringLiteral("The access token is malformed."));
}

} // namespace

TokenService::TokenService(QByteArray secret, qint64 lifetimeSeconds)
    : m_secret(std::move(secret))
    , m_lifetimeSeconds(lifetimeSeconds)
{
}

QString TokenService::issue(qint64 userId, const QString &role, qint64 tokenVersion,
                            const QDateTime &now) const
{
    const qint64 iat = now.toSecsSinceEpoch();
    const QJsonObject header{
        {QStringLiteral("alg"), QStringLiteral("HS256")},
        {QStringLiteral("typ"), QStringLiteral("JWT")},
    };
    const QJsonObject payload{
        {QStringLiteral("sub"), QString::number(userId)},
        {QStringLiteral("role"), role},
        {QStringLiteral("tv"), tokenVersion},
        {QStringLiteral("iat"), iat},
        {QStringLiteral("exp"), iat + m_lifetimeSeconds},
    };
    const QByteArray signingInput =
        encodePart(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
        + encodePart(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    const QByteArray signature = encodePart(crypto::hmacSha256(m_secret, signingInput));
    return QString::fromLatin1(signingInput + '.' + signature);
}

Result<TokenClaims> TokenService::verify(const QByteArray &token, const QDateTime &now) const
{
    if (token.isEmpty() || token.size() > MaxTokenLength || token.count('.') != 2)
        return malformedToken();

    const qsizetype firstDot = token.indexOf('.');
    const qsizetype secondDot = token.indexOf('.', firstDot + 1);
    const QByteArray headerPart = token.left(firstDot);
    const QByteArray payloadPart = token.mid(firstDot + 1, secondDot - firstDot - 1);
    const QByteArray signaturePart = token.mid(secondDot + 1);

    const std::optional<QJsonObject> header = decodeObject(headerPart);
    if (!header)
        return malformedToken();
    // Only HS256: "none", HS512, RS256 (the classic key-confusion attack) and friends are refused.
    if (header->value(QStringLiteral("alg")) != QJsonValue(QStringLiteral("HS256")))
        return invalidToken(QStringLiteral("The access token uses an unsupported algorithm."));
    // RFC 7515 §4.1.11: critical extensions we do not understand make the token unusable.
    if (header->contains(QStringLiteral("crit")))
        return invalidToken(QStringLiteral("The access token uses an unsupported extension."));

    // Comparing the canonical encoding also refuses alternative encodings of the same bytes.
    const QByteArray expected =
        encodePart(crypto::hmacSha256(m_secret, token.left(secondDot)));
    if (expected.isEmpty() || !crypto::constantTimeEquals(expected, signaturePart))
        return invalidToken(QStringLiteral("The access token signature is invalid."));

    const std::optional<QJsonObject> payload = decodeObject(payloadPart);
    if (!payload)
        return malformedToken();

    const std::optional<qint64> sub = subjectValue(payload->value(QStringLiteral("sub")));
    const QJsonValue role = payload->value(QStringLiteral("role"));
    const std::optional<qint64> tv = integerValue(payload->value(QStringLiteral("tv")));
    const std::optional<qint64> exp = integerValue(payload->value(QStringLiteral("exp")));
    if (!sub || !role.isString() || role.toString().isEmpty() || !tv || !exp)
        return invalidToken(QStringLiteral("The access token lacks a required claim."));
    if (!isPlausibleNumericDate(*exp))
        return malformedToken();

    std::optional<qint64> iat;
    if (payload->contains(QStringLiteral("iat"))) {
        iat = integerValue(payload->value(QStringLiteral("iat")));
        if (!iat || !isPlausibleNumericDate(*iat))
            return malformedToken();
    }

    const qint64 nowSeconds = now.toSecsSinceEpoch();
    if (payload->contains(QStringLiteral("nbf"))) {
        const std::optional<qint64> nbf = integerValue(payload->value(QStringLiteral("nbf")));
        if (!nbf || !isPlausibleNumericDate(*nbf))
            return malformedToken();
        if (*nbf > nowSeconds)
            return invalidToken(QStringLiteral("The access token is not valid yet."));
    }
    if (*exp <= nowSeconds)
        return Error::make(ErrorKind::Unauthorized, QStringLiteral("token_expired"),
                           QStringLiteral("The access token has expired; please sign in again."));

    TokenClaims claims;
    claims.userId = *sub;
    claims.role = role.toString();
    claims.tokenVersion = *tv;
    if (iat)
        claims.issuedAt = QDateTime::fromSecsSinceEpoch(*iat, Qt::UTC);
    claims.expiresAt = QDateTime::fromSecsSinceEpoch(*exp, Qt::UTC);
    return claims;
}

} // namespace joxai
