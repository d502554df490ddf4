package org.detecta.serve;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Bearer-token check for admin routes. The token comes from {@code DETECTA_ADMIN_TOKEN}; without it admin
 * routes are closed (403). Compared with {@link MessageDigest#isEqual} over SHA-256 digests, so the time
 * taken reveals neither the content nor the length of the token.
 */
public final class AdminAuth {
  private final Optional<byte[]> tokenDigest;

  public AdminAuth(Optional<String> token) {
    this.tokenDigest = token.map(AdminAuth::digest);
  }

  /** Throws 401 without credentials, 403 with wrong ones or when admin is disabled. */
  public void require(String authorizationHeader) {
    if (authorizationHeader == null || !authorizationHeader.startsWith("Bearer ")) {
      throw new ApiException(401, "unauthorized", "This admin operation needs 'Authorization: Bearer <token>'");
    }
    byte[] given = digest(authorizationHeader.substring("Bearer ".length()).strip());
    if (tokenDigest.isEmpty()) {
      throw new ApiException(403, "forbidden", "Admin operations are disabled: DETECTA_ADMIN_TOKEN is not set on the server");
    }
    if (!MessageDigest.isEqual(tokenDigest.get(), given)) {
      throw new ApiException(403, "forbidden", "The admin token is not valid");
    }
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
