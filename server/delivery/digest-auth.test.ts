import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { digestAuthorization, parseAuthChallenges, pickDigestChallenge } from "./digest-auth";

/** The Authorization header has the challenge's syntax: one scheme, then auth-params. */
const paramsOf = (authorization: string) => parseAuthChallenges(authorization)[0]?.params ?? {};

describe("parseAuthChallenges", () => {
  it("reads every challenge of one header, commas inside quoted values included", () => {
    const header =
      'Negotiate abc123==, Basic realm="ops, eu", Digest realm="ops", nonce="n1", qop="auth,auth-int", ' +
      'algorithm=SHA-512-256, opaque="o\\"p", Digest realm="ops", nonce="n2", algorithm=MD5';
    expect(parseAuthChallenges(header)).toEqual([
      { scheme: "negotiate", params: {} },
      { scheme: "basic", params: { realm: "ops, eu" } },
      {
        scheme: "digest",
        params: { realm: "ops", nonce: "n1", qop: "auth,auth-int", algorithm: "SHA-512-256", opaque: 'o"p' },
      },
      { scheme: "digest", params: { realm: "ops", nonce: "n2", algorithm: "MD5" } },
    ]);
  });
});

describe("pickDigestChallenge", () => {
  it("takes the first Digest challenge it can answer, skipping unknown algorithms and auth-int only", () => {
    const header =
      'Basic realm="a", Digest realm="a", nonce="1", algorithm=SHA3-256, ' +
      'Digest realm="a", nonce="2", qop="auth-int", algorithm=SHA-256, ' +
      'Digest realm="a", nonce="3", qop="auth-int, auth", algorithm=SHA-512-256-sess, ' +
      'Digest realm="a", nonce="4"';
    expect(pickDigestChallenge(header)?.nonce).toBe("3");
    expect(pickDigestChallenge('Basic realm="a"')).toBeUndefined();
  });
});

describe("digestAuthorization (RFC 7616 §3.9)", () => {
  const mufasa = {
    method: "GET",
    uri: "/dir/index.html",
    username: "Mufasa",
    password: "Circle of Life",
    cnonce: "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ",
  };
  const challenge3_9_1 =
    'Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, ' +
    'nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS", ' +
    'Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=MD5, ' +
    'nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"';

  it("answers the SHA-256 challenge of §3.9.1 (offered first, in one header with the MD5 one)", () => {
    const challenge = pickDigestChallenge(challenge3_9_1);
    if (!challenge) throw new Error("no challenge picked");
    const p = paramsOf(digestAuthorization({ challenge, ...mufasa }));
    expect(p).toMatchObject({ algorithm: "SHA-256", qop: "auth", nc: "00000001", username: "Mufasa" });
    expect(p.response).toBe("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");
  });

  it("answers the MD5 challenge of §3.9.1", () => {
    const md5 = parseAuthChallenges(challenge3_9_1)[1]?.params ?? {};
    const p = paramsOf(digestAuthorization({ challenge: md5, ...mufasa }));
    expect(p.response).toBe("8ca523f5e9506fed4657c9700eebdbec");
    expect(p.opaque).toBe("FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS");
  });

  it("hashes SHA-512-256 as SHA-512/256, with userhash and a UTF-8 username (§3.9.2)", () => {
    // FIPS 180-4's SHA-512/256 of "abc": the algorithm Node calls sha512-256 is the right one.
    expect(createHash("sha512-256").update("abc").digest("hex")).toBe(
      "53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23",
    );
    const challenge = pickDigestChallenge(
      'Digest realm="api@example.org", qop="auth", algorithm=SHA-512-256, ' +
        'nonce="5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK", ' +
        'opaque="HRPCssKJSGjCrkzDg8OhwpzCiGPChXYjwrI2QmXDnsOS", charset=UTF-8, userhash=true',
    );
    if (!challenge) throw new Error("no challenge picked");
    const options = {
      challenge,
      method: "GET",
      uri: "/doe.json",
      username: "J\u00e4s\u00f8n Doe",
      password: "Secret, or not?",
      cnonce: "NTg6RKcb9boFIAS3KrFK9BGeh+iDa/sm6jUMp2wds69v",
    };
    const p = paramsOf(digestAuthorization(options));
    // The RFC prints other values for this example; erratum 4897 reports them wrong. These are
    // SHA-512/256 over the example's UTF-8 octets (MD5 would be 32 hex digits, SHA-512 128).
    expect(p.username).toBe("793263caabb707a56211940d90411ea4a575adeccb7e360aeb624ed06ece9b0b");
    expect(p.userhash).toBe("true");
    expect(p.response).toBe("3798d4131c277846293534c3edc11bd8a5e4cdcbff78b05db9d95eeb1cec68a5");

    const plain = digestAuthorization({ ...options, challenge: { ...challenge, userhash: "false" } });
    expect(plain).toContain("username*=UTF-8''J%C3%A4s%C3%B8n%20Doe");
    expect(plain).not.toContain("userhash");
  });

  it("quotes values a receiver controls", () => {
    const header = digestAuthorization({
      challenge: { realm: 'a"b', nonce: "n\\1" },
      method: "POST",
      uri: "/x",
      username: "bot",
      password: "pw",
    });
    expect(paramsOf(header)).toMatchObject({ realm: 'a"b', nonce: "n\\1", username: "bot" });
  });
});
