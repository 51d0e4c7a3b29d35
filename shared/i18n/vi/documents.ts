/** Messages of the printed documents (minutes, results report): the font and the PDF engine. */
export const documents = {
  errors: {
    noBrowser:
      'Không tìm thấy trình duyệt Chromium, Google Chrome hoặc Microsoft Edge để tạo tệp PDF. Trên Debian/Ubuntu hãy cài bằng lệnh "sudo apt-get install -y chromium"; trên Windows hãy cài Microsoft Edge hoặc Google Chrome; hoặc đặt biến môi trường CHROMIUM_PATH trỏ tới tệp chạy của trình duyệt.',
    browserFailed: 'Không khởi động được trình duyệt {{path}} để tạo PDF: {{reason}}',
    renderFailed: 'Không tạo được tệp PDF của văn bản: {{reason}}. Dữ liệu không bị thay đổi; hãy thử lại.',
    fontMissing:
      'Thiếu tệp phông chữ {{file}} của ứng dụng nên không thể in văn bản đúng thể thức. Hãy cài lại ứng dụng.',
  },
};
