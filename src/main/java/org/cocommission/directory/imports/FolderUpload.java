package org.cocommission.directory.imports;

import java.util.List;

import org.springframework.web.multipart.MultipartFile;

import org.cocommission.platform.UploadCharset;

/**
 * The folder upload: every file of a folder of published files (checked by the controller: at least one), all in one
 * character set (UTF-8 when none is chosen).
 */
public record FolderUpload(List<MultipartFile> files, UploadCharset charset) {
}
